import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { Lot } from "./models/lot"
import { LotDocument } from "./models/lot-document"
import { LotScanDay } from "./models/lot-scan-day"
import { LotShipmentLine } from "./models/lot-shipment-line"
import { LotStep } from "./models/lot-step"

type Execute = { execute: (sql: string, params: unknown[]) => Promise<Record<string, any>[]> }

export default class TraceabilityModuleService extends MedusaService({ Lot, LotStep, LotDocument, LotScanDay, LotShipmentLine }) {
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
