import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { duplicateRowKey, echoValue, ratingRounds, type CertificationRecord, type RowError } from "@ocop/seed"
import { OCOP_MODULE } from "../../../modules/ocop"
import type OcopModuleService from "../../../modules/ocop/service"
import { certifiedStars, ratingKind } from "@ocop/domain"
import { productImportKey, recordFingerprint, restatesCertificate } from "./import-keys"

export type ImportMode = "certify" | "revoke"

export type PlannedRow = {
  key: string
  fingerprint: string
  record: CertificationRecord
  /** the product, when an earlier import or the operator created it */
  product_id: string | null
  /**
   * What it replaces: the stored certificate (id, its status to restore on undo), or, for a later rating of the
   * same listing in this request, the earlier row's rating (id null: that certificate is issued as history).
   */
  supersedes: { id: string | null; stars: number; status: string } | null
  /** a later rating of the same listing in this request replaces this one: it is issued already superseded */
  superseded_in_request: boolean
  /** 0 for a listing's earliest rating in the request, 1 for the next…: certificates are issued round by round */
  round: number
}

export type ImportRowError = RowError

export type ImportPlan = {
  create: PlannedRow[]
  /** existing products left without their producer link (an import killed between two steps) */
  relinkProducer: PlannedRow[]
  recertify: PlannedRow[]
  revoke: { id: string; source_row: number }[]
  unchanged: number
  rejected: ImportRowError[]
  sales_channel_id: string | null
}

/**
 * Reads what exists for the rows — two queries per chunk of keys — and decides for each row
 * whether it creates a product, re-certifies one, revokes one, or changes nothing. Writes nothing.
 */
export async function planImport(
  container: MedusaContainer,
  records: CertificationRecord[],
  mode: ImportMode,
  chunkSize: number
): Promise<ImportPlan> {
  const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  // One request is one workflow, so a listing rated twice in it (two years' lists pasted together) is planned as
  // a chain in decision-date order (ratingRounds, the seed's rule): each rating supersedes the one before it, the
  // last one stays current, whatever the order of the rows in the file.
  const keyed = ratingRounds(records).flatMap((round, index) =>
    round.map((record) => ({ record, round: index, key: productImportKey(record), fingerprint: recordFingerprint(record) }))
  )
  const keys = [...new Set(keyed.map((r) => r.key))]

  // Read in chunks: a 50,000-row list must not become one IN (…) of 50,000 parameters.
  const products: { id: string; external_id: string; producer?: { id: string } | null }[] = []
  const certifications: {
    id: string
    import_key: string | null
    fingerprint: string | null
    product_group_code: string | null
    status: string
    stars: number
  }[] = []
  for (let start = 0; start < keys.length; start += chunkSize) {
    const chunk = keys.slice(start, start + chunkSize)
    const { data } = await query.graph({ entity: "product", fields: ["id", "external_id", "producer.id"], filters: { external_id: chunk } })
    products.push(...(data as any[]))
    // Superseded ones too: a list re-imported with a listing's earlier rating finds that rating already in history.
    certifications.push(
      ...(await ocop.listCertifications(
        { import_key: chunk },
        { select: ["id", "import_key", "fingerprint", "product_group_code", "status", "stars", "created_at"], order: { created_at: "DESC" } }
      ))
    )
  }
  const productByKey = new Map<string, string>(products.map((p) => [p.external_id, p.id]))
  const linkedToProducer = new Set<string>(products.filter((p) => p.producer?.id).map((p) => p.id))
  const currentByKey = new Map<string, (typeof certifications)[number]>()
  const historyByKey = new Map<string, Set<string>>()
  for (const cert of certifications) {
    if (cert.status !== "superseded" && !currentByKey.has(cert.import_key!)) currentByKey.set(cert.import_key!, cert)
    if (cert.fingerprint) historyByKey.set(cert.import_key!, (historyByKey.get(cert.import_key!) ?? new Set()).add(cert.fingerprint))
  }
  const lastRound = new Map<string, number>()
  for (const { key, round } of keyed) lastRound.set(key, round)

  const plan: ImportPlan = {
    create: [],
    relinkProducer: [],
    recertify: [],
    revoke: [],
    unchanged: 0,
    rejected: [],
    sales_channel_id: null,
  }
  // The same rating listed twice is a duplicate, reported, never silently folded into the first (same rule as the
  // file reader's: duplicateRowKey; or rows stating the same certificate).
  const firstRowOf = new Map<string, number>()
  // The latest planned row of each listing in this request: the next rating of that listing supersedes it.
  const planned = new Map<string, PlannedRow>()
  const revoking = new Set<string>()
  for (const { record, round, key, fingerprint } of keyed) {
    const first = firstRowOf.get(duplicateRowKey(record)) ?? firstRowOf.get(`${key}|${fingerprint}`)
    if (first !== undefined || (mode === "revoke" && revoking.has(key))) {
      plan.rejected.push({
        source_row: record.source_row,
        column: "product_name",
        value: echoValue(record.product_name),
        code: "duplicate_row",
        message:
          `product_name: trùng với một dòng khác của cùng sản phẩm trong lô nhập${first !== undefined ? ` (dòng ${first})` : ""}` +
          " / repeats another row of the same product in this import",
      })
      continue
    }
    firstRowOf.set(duplicateRowKey(record), record.source_row)
    firstRowOf.set(`${key}|${fingerprint}`, record.source_row)
    const productId = productByKey.get(key) ?? null
    const current = currentByKey.get(key)
    if (mode === "revoke") {
      revoking.add(key)
      if (!current) {
        plan.rejected.push({
          source_row: record.source_row,
          column: "product_name",
          value: echoValue(record.product_name),
          code: "not_certified",
          message: "product_name: không tìm thấy chứng nhận OCOP của sản phẩm này để thu hồi / no OCOP certificate of this product to revoke",
        })
      } else if (current.status === "revoked") {
        plan.unchanged++
      } else {
        plan.revoke.push({ id: current.id, source_row: record.source_row })
      }
      continue
    }
    const previous = planned.get(key)
    const isLast = lastRound.get(key) === round
    // Unchanged: the listing's last rating here is the current certificate (restatesCertificate), or an earlier rating here is already
    // in its history (the same two-year list imported again changes nothing).
    if (!previous && ((current && restatesCertificate(record, fingerprint, current)) || (!isLast && historyByKey.get(key)?.has(fingerprint)))) {
      plan.unchanged++
      if (productId && record.producer_name && !linkedToProducer.has(productId)) {
        plan.relinkProducer.push(rowFor(record, key, fingerprint, productId, null, round))
        linkedToProducer.add(productId)
      }
      continue
    }
    const supersedes = previous
      ? { id: null, stars: certifiedStars(previous.record), status: "superseded" }
      : current && current.status !== "revoked"
        ? { id: current.id, stars: current.stars, status: current.status }
        : null
    const row = rowFor(record, key, fingerprint, productId, supersedes, round)
    if (previous) previous.superseded_in_request = true
    planned.set(key, row)
    if (productId && record.producer_name && !linkedToProducer.has(productId)) {
      plan.relinkProducer.push(row)
      linkedToProducer.add(productId)
    }
    // The listing's first new rating creates its product; its later ones re-certify that product.
    if (productId || previous) plan.recertify.push(row)
    else plan.create.push(row)
  }

  if (plan.create.length) {
    const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["default_sales_channel_id"] })
    plan.sales_channel_id = store?.default_sales_channel_id ?? null
  }
  return plan
}

function rowFor(
  record: CertificationRecord,
  key: string,
  fingerprint: string,
  productId: string | null,
  supersedes: PlannedRow["supersedes"],
  round: number
): PlannedRow {
  return { key, fingerprint, record, product_id: productId, supersedes, superseded_in_request: false, round }
}

export function ratingKindFor(row: PlannedRow) {
  return ratingKind(row.supersedes?.stars, certifiedStars(row.record))
}
