import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { findSerialRequestProblem, serialCapForLot } from "@ocop/domain"
import { Lot } from "./models/lot"
import { LotDocument } from "./models/lot-document"
import { LotScanDay } from "./models/lot-scan-day"
import { LotSerial } from "./models/lot-serial"
import { LotSerialBatch } from "./models/lot-serial-batch"
import { LotShipmentLine } from "./models/lot-shipment-line"
import { LotStep } from "./models/lot-step"
import { LotTemplate } from "./models/lot-template"

type Execute = { execute: (sql: string, params: unknown[]) => Promise<Record<string, any>[]> }

export type SerialBatchRow = { id: string; lot_id: string; request_key: string; count: number; created_at: Date }
export type IssueLotSerialsInput = { lot_id: string; count: number; request_key: string; generateCode: () => string }
export type SerialCheck =
  { status: "first" | "repeat"; first_checked_at: Date } | { status: "voided"; voided_at: Date; void_reason: string } | { status: "unknown" }
export type VoidLotSerialsInput = { lot_id: string; reason: string } & ({ codes: string[] } | { batch_id: string })

export default class TraceabilityModuleService extends MedusaService({
  Lot,
  LotStep,
  LotDocument,
  LotScanDay,
  LotShipmentLine,
  LotSerial,
  LotSerialBatch,
  LotTemplate,
}) {
  /**
   * Issues `count` new serials of a lot in one transaction, under a lock on the lot's row so two requests at once
   * cannot both pass the cap: a request whose `request_key` already issued a batch gets that batch back
   * (`created: false`, nothing new), else the cap (@ocop/domain) is checked against the serials the lot holds, and
   * the batch and all its serials are written together. Codes are unique across lots; the rare clash is drawn again.
   */
  @InjectManager()
  async issueLotSerials(
    input: IssueLotSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ batch: SerialBatchRow; created: boolean }> {
    return await this.issueLotSerials_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async issueLotSerials_(
    input: IssueLotSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ batch: SerialBatchRow; created: boolean }> {
    const manager = sharedContext.transactionManager as Execute
    const [lot] = await manager.execute(`SELECT "quantity" FROM "lot" WHERE "id" = ? AND "deleted_at" IS NULL FOR UPDATE`, [input.lot_id])
    if (!lot) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Lot "${input.lot_id}" was not found / không tìm thấy lô`)
    const [earlier] = await manager.execute(
      `SELECT "id", "lot_id", "request_key", "count", "created_at" FROM "lot_serial_batch" WHERE "lot_id" = ? AND "request_key" = ?`,
      [input.lot_id, input.request_key]
    )
    if (earlier) {
      if (Number(earlier.count) !== input.count)
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          "request_key: mã yêu cầu này đã dùng cho một số lượng khác / this request key was already used for another count"
        )
      return { batch: { ...(earlier as SerialBatchRow), count: Number(earlier.count) }, created: false }
    }
    const [{ issued }] = await manager.execute(`SELECT count(*)::int AS issued FROM "lot_serial" WHERE "lot_id" = ?`, [input.lot_id])
    const problem = findSerialRequestProblem(input.count, Number(issued), Number(lot.quantity))
    if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
    const batchId = generateEntityId(undefined, "lserb")
    const [batch] = await manager.execute(
      `INSERT INTO "lot_serial_batch" ("id", "lot_id", "request_key", "count") VALUES (?, ?, ?, ?)
       RETURNING "id", "lot_id", "request_key", "count", "created_at"`,
      [batchId, input.lot_id, input.request_key, input.count]
    )
    let missing = input.count
    // A clash with an existing code (≈ 2^-64 per pair) is skipped by ON CONFLICT and drawn again.
    for (let round = 0; missing > 0; round++) {
      if (round > 5) throw new Error("could not draw unique serial codes")
      const rows = Array.from({ length: missing }, () => ({ id: generateEntityId(undefined, "lser"), code: input.generateCode() }))
      const inserted = await manager.execute(
        `INSERT INTO "lot_serial" ("id", "lot_id", "batch_id", "code")
         SELECT r->>'id', ?, ?, r->>'code' FROM jsonb_array_elements(?::jsonb) AS r
         ON CONFLICT ("code") DO NOTHING RETURNING "id"`,
        [input.lot_id, batchId, JSON.stringify(rows)]
      )
      missing -= inserted.length
    }
    return { batch: { ...(batch as SerialBatchRow), count: Number(batch.count) }, created: true }
  }

  /** Takes back a batch this workflow issued (its compensation): the batch and its serials, as if never written. */
  @InjectManager()
  async deleteLotSerialBatch(batchId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    const manager = sharedContext.manager as Execute
    await manager.execute(`WITH gone AS (DELETE FROM "lot_serial" WHERE "batch_id" = ? RETURNING 1) DELETE FROM "lot_serial_batch" WHERE "id" = ?`, [
      batchId,
      batchId,
    ])
  }

  /**
   * One scan of a serial. Its first check is recorded by one conditional UPDATE (… WHERE first_checked_at IS NULL
   * RETURNING): of two first scans at once PostgreSQL lets exactly one match, the other waits for its row lock, sees
   * the row already checked and answers "repeat". A voided serial never matches it: it answers "voided". `count` is
   * the rate limit's verdict (the same person within the window does not count twice): a later scan then adds to
   * `check_count`, and a scan of a serial the lot does not have, or of a voided one, adds to the lot's
   * `suspect_serial_checks` (a forged label's sign, the flag unknown_serials_checked).
   */
  @InjectManager()
  async checkLotSerial(input: { lot_id: string; code: string; count: boolean }, @MedusaContext() sharedContext: Context = {}): Promise<SerialCheck> {
    const manager = sharedContext.manager as Execute
    const [first] = await manager.execute(
      `UPDATE "lot_serial" SET "first_checked_at" = now(), "check_count" = "check_count" + 1, "updated_at" = now()
        WHERE "lot_id" = ? AND "code" = ? AND "first_checked_at" IS NULL AND "voided_at" IS NULL AND "deleted_at" IS NULL
        RETURNING "first_checked_at"`,
      [input.lot_id, input.code]
    )
    if (first) return { status: "first", first_checked_at: new Date(first.first_checked_at) }
    const [serial] = await manager.execute(
      `SELECT "id", "first_checked_at", "voided_at", "void_reason" FROM "lot_serial" WHERE "lot_id" = ? AND "code" = ? AND "deleted_at" IS NULL`,
      [input.lot_id, input.code]
    )
    if (!serial || serial.voided_at) {
      if (input.count) await manager.execute(`UPDATE "lot" SET "suspect_serial_checks" = "suspect_serial_checks" + 1 WHERE "id" = ?`, [input.lot_id])
      return serial
        ? { status: "voided", voided_at: new Date(serial.voided_at), void_reason: String(serial.void_reason ?? "") }
        : { status: "unknown" }
    }
    if (input.count)
      await manager.execute(`UPDATE "lot_serial" SET "check_count" = "check_count" + 1, "updated_at" = now() WHERE "id" = ?`, [serial.id])
    return { status: "repeat", first_checked_at: new Date(serial.first_checked_at) }
  }

  /**
   * Voids serials of one lot (the codes named, or a whole batch) with the producer's reason, in one transaction.
   * Serials already voided are left as they were (their first reason stays) and counted as such; a code or batch the
   * lot does not have refuses the whole request, naming the field. Returns the ids this call voided (what its
   * compensation gives back) and how many were already void.
   */
  @InjectManager()
  async voidLotSerials(
    input: VoidLotSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ voided_ids: string[]; already_voided: number }> {
    return await this.voidLotSerials_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async voidLotSerials_(
    input: VoidLotSerialsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ voided_ids: string[]; already_voided: number }> {
    const manager = sharedContext.transactionManager as Execute
    let targets: Record<string, any>[]
    if ("batch_id" in input) {
      targets = await manager.execute(
        `SELECT "id", "voided_at" FROM "lot_serial" WHERE "lot_id" = ? AND "batch_id" = ? AND "deleted_at" IS NULL FOR UPDATE`,
        [input.lot_id, input.batch_id]
      )
      if (!targets.length)
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "batch_id: lô này không có lượt cấp mã này / this lot has no such batch")
    } else {
      const codes = [...new Set(input.codes)]
      targets = await manager.execute(
        `SELECT "id", "code", "voided_at" FROM "lot_serial"
          WHERE "lot_id" = ? AND "code" IN (SELECT jsonb_array_elements_text(?::jsonb)) AND "deleted_at" IS NULL FOR UPDATE`,
        [input.lot_id, JSON.stringify(codes)]
      )
      const found = new Set(targets.map((t) => t.code as string))
      const missing = codes.filter((c) => !found.has(c))
      if (missing.length)
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `serials: lô này không có mã ${missing.slice(0, 5).join(", ")} / this lot has no serial ${missing.slice(0, 5).join(", ")}`
        )
    }
    const open = targets.filter((t) => !t.voided_at).map((t) => t.id as string)
    if (open.length)
      await manager.execute(
        `UPDATE "lot_serial" SET "voided_at" = now(), "void_reason" = ?, "updated_at" = now()
          WHERE "id" IN (SELECT jsonb_array_elements_text(?::jsonb)) AND "voided_at" IS NULL`,
        [input.reason, JSON.stringify(open)]
      )
    return { voided_ids: open, already_voided: targets.length - open.length }
  }

  /** Gives back serials one void voided (its compensation): valid again, as before. */
  @InjectManager()
  async restoreLotSerials(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    if (!ids.length) return
    const manager = sharedContext.manager as Execute
    await manager.execute(
      `UPDATE "lot_serial" SET "voided_at" = NULL, "void_reason" = NULL, "updated_at" = now() WHERE "id" IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(ids)]
    )
  }

  /** Each lot's count of checks of serials it never issued or voided (the flag unknown_serials_checked). */
  @InjectManager()
  async countSuspectSerialChecks(lotIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<Map<string, number>> {
    if (!lotIds.length) return new Map()
    const manager = sharedContext.manager as Execute
    const rows = await manager.execute(
      `SELECT "id", "suspect_serial_checks" AS n FROM "lot" WHERE "id" IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [JSON.stringify(lotIds)]
    )
    return new Map(rows.map((r) => [r.id as string, Number(r.n)]))
  }

  /** What the producer sees of a lot's serials: issued, cap, checked at least once, checked more than once, voided. */
  @InjectManager()
  async summariseLotSerials(lot: { id: string; quantity: number }, @MedusaContext() sharedContext: Context = {}) {
    const manager = sharedContext.manager as Execute
    const [row] = await manager.execute(
      `SELECT count(*)::int AS issued, count("first_checked_at")::int AS checked, (count(*) FILTER (WHERE "check_count" > 1))::int AS more,
              count("voided_at")::int AS voided
         FROM "lot_serial" WHERE "lot_id" = ? AND "deleted_at" IS NULL`,
      [lot.id]
    )
    return {
      issued: Number(row?.issued ?? 0),
      cap: serialCapForLot(lot.quantity),
      checked: Number(row?.checked ?? 0),
      checked_more_than_once: Number(row?.more ?? 0),
      voided: Number(row?.voided ?? 0),
    }
  }

  /**
   * Counts one scan in two single statements (the lot's total and the day's row for the chosen province), so two
   * scans at once both count; returns the new total and how many provinces reported the lot that day.
   */
  @InjectManager()
  async recordLotScan(
    input: { lot_id: string; day: string; province_code: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ scan_count: number; provinces_today: number }> {
    const manager = sharedContext.manager as Execute
    const [lot] = await manager.execute(
      `UPDATE "lot" SET "scan_count" = "scan_count" + 1 WHERE "id" = ? AND "deleted_at" IS NULL RETURNING "scan_count"`,
      [input.lot_id]
    )
    await manager.execute(
      `INSERT INTO "lot_scan_day" ("id", "lot_id", "day", "province_code", "count") VALUES (?, ?, ?, ?, 1)
       ON CONFLICT ("lot_id", "day", "province_code") DO UPDATE SET "count" = "lot_scan_day"."count" + 1, "updated_at" = now()`,
      [generateEntityId(undefined, "lscan"), input.lot_id, input.day, input.province_code ?? ""]
    )
    const [provinces] = await manager.execute(
      `SELECT count(DISTINCT "province_code")::int AS n FROM "lot_scan_day" WHERE "lot_id" = ? AND "day" = ? AND "province_code" <> ''`,
      [input.lot_id, input.day]
    )
    return { scan_count: Number(lot?.scan_count ?? 0), provinces_today: Number(provinces?.n ?? 0) }
  }

  /**
   * A person whose scan today was already counted names their province afterwards (the shop's "Bạn đang ở tỉnh
   * nào?" form posts after the page view counted): one of today's unnamed scans moves to that province, in one
   * statement, so the total stays and the province still feeds the flag. False when today holds no unnamed scan.
   */
  @InjectManager()
  async nameLotScanProvince(
    input: { lot_id: string; day: string; province_code: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const manager = sharedContext.manager as Execute
    const rows = await manager.execute(
      `WITH moved AS (
         UPDATE "lot_scan_day" SET "count" = "count" - 1, "updated_at" = now()
          WHERE "lot_id" = ? AND "day" = ? AND "province_code" = '' AND "count" > 0 RETURNING "lot_id"
       )
       INSERT INTO "lot_scan_day" ("id", "lot_id", "day", "province_code", "count") SELECT ?, "lot_id", ?, ?, 1 FROM moved
       ON CONFLICT ("lot_id", "day", "province_code") DO UPDATE SET "count" = "lot_scan_day"."count" + 1, "updated_at" = now()
       RETURNING "id"`,
      [input.lot_id, input.day, generateEntityId(undefined, "lscan"), input.day, input.province_code]
    )
    return rows.length > 0
  }

  /** The most provinces that reported each lot on any one day. */
  @InjectManager()
  async countLotProvincesPerDay(lotIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<Map<string, number>> {
    if (!lotIds.length) return new Map()
    const manager = sharedContext.manager as Execute
    const rows = await manager.execute(
      `SELECT "lot_id", max(n)::int AS n FROM (
         SELECT "lot_id", "day", count(DISTINCT "province_code") AS n FROM "lot_scan_day"
          WHERE "lot_id" IN (SELECT jsonb_array_elements_text(?::jsonb)) AND "province_code" <> '' GROUP BY "lot_id", "day"
       ) d GROUP BY "lot_id"`,
      [JSON.stringify(lotIds)]
    )
    return new Map(rows.map((r) => [r.lot_id as string, Number(r.n)]))
  }

  /** Scans of the given lots counted on or after a day (Vietnam time, YYYY-MM-DD), all provinces together. */
  @InjectManager()
  async countLotScansSince(lotIds: string[], since: string, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    if (!lotIds.length) return 0
    const manager = sharedContext.manager as Execute
    const [row] = await manager.execute(
      `SELECT coalesce(sum("count"), 0)::int AS n FROM "lot_scan_day"
        WHERE "lot_id" IN (SELECT jsonb_array_elements_text(?::jsonb)) AND "day" >= ? AND "deleted_at" IS NULL`,
      [JSON.stringify(lotIds), since]
    )
    return Number(row?.n ?? 0)
  }

  /** Scans per lot counted on or after a day (Vietnam time, YYYY-MM-DD): the curator's list's "scans in 30 days". */
  @InjectManager()
  async countLotScansSincePerLot(lotIds: string[], since: string, @MedusaContext() sharedContext: Context = {}): Promise<Map<string, number>> {
    if (!lotIds.length) return new Map()
    const manager = sharedContext.manager as Execute
    const rows = await manager.execute(
      `SELECT "lot_id", sum("count")::int AS n FROM "lot_scan_day"
        WHERE "lot_id" IN (SELECT jsonb_array_elements_text(?::jsonb)) AND "day" >= ? AND "deleted_at" IS NULL GROUP BY "lot_id"`,
      [JSON.stringify(lotIds), since]
    )
    return new Map(rows.map((r) => [r.lot_id as string, Number(r.n)]))
  }
}
