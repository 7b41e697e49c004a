import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { CertificationRecord } from "@ocop/seed"
import { OCOP_MODULE } from "../../../modules/ocop"
import type OcopModuleService from "../../../modules/ocop/service"
import { ratingKind } from "../../../modules/ocop/rating-kind"
import { certifiedStars, productImportKey, recordFingerprint } from "./import-keys"

export type ImportMode = "certify" | "revoke"

export type PlannedRow = {
  key: string
  fingerprint: string
  record: CertificationRecord
  /** the product, when an earlier import or the operator created it */
  product_id: string | null
  /** the certificate it replaces, if any */
  supersedes: { id: string; stars: number } | null
}

export type ImportRowError = { source_row: number; column: string | null; value: string | null; code: string; message: string }

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
 * Reads what exists for a batch of rows — in three queries, whatever the batch size — and decides for each row
 * whether it creates a product, re-certifies one, revokes one, or changes nothing. Writes nothing.
 */
export async function planImport(
  container: MedusaContainer,
  records: CertificationRecord[],
  mode: ImportMode
): Promise<ImportPlan> {
  const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const keyed = records.map((record) => ({ record, key: productImportKey(record), fingerprint: recordFingerprint(record) }))
  const keys = [...new Set(keyed.map((r) => r.key))]

  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "external_id", "producer.id"],
    filters: { external_id: keys },
  })
  const productByKey = new Map<string, string>(products.map((p: any) => [p.external_id, p.id]))
  const linkedToProducer = new Set<string>(products.filter((p: any) => p.producer?.id).map((p: any) => p.id))
  const certifications = await ocop.listCertifications(
    { import_key: keys, status: { $ne: "superseded" } },
    { select: ["id", "import_key", "fingerprint", "status", "stars"], order: { created_at: "DESC" } }
  )
  const currentByKey = new Map<string, (typeof certifications)[number]>()
  for (const cert of certifications) {
    if (!currentByKey.has(cert.import_key!)) currentByKey.set(cert.import_key!, cert)
  }

  const plan: ImportPlan = {
    create: [],
    relinkProducer: [],
    recertify: [],
    revoke: [],
    unchanged: 0,
    rejected: [],
    sales_channel_id: null,
  }
  const seen = new Set<string>()
  for (const { record, key, fingerprint } of keyed) {
    // runCertificationImport hands each listing over once per batch (ratingRounds); a row repeating one in the
    // same batch is reported, never silently folded into it.
    if (seen.has(key)) {
      plan.rejected.push({
        source_row: record.source_row,
        column: null,
        value: record.product_name,
        code: "duplicate_row",
        message: "Trùng với một dòng khác của cùng sản phẩm trong lô nhập",
      })
      continue
    }
    seen.add(key)
    const productId = productByKey.get(key) ?? null
    const current = currentByKey.get(key)
    if (mode === "revoke") {
      if (!current) {
        plan.rejected.push({
          source_row: record.source_row,
          column: null,
          value: record.product_name,
          code: "not_certified",
          message: "Không tìm thấy chứng nhận OCOP của sản phẩm này để thu hồi",
        })
      } else if (current.status === "revoked") {
        plan.unchanged++
      } else {
        plan.revoke.push({ id: current.id, source_row: record.source_row })
      }
      continue
    }
    const row: PlannedRow = {
      key,
      fingerprint,
      record,
      product_id: productId,
      supersedes: current && current.status !== "revoked" ? { id: current.id, stars: current.stars } : null,
    }
    if (productId && record.producer_name && !linkedToProducer.has(productId)) plan.relinkProducer.push(row)
    if (current && current.fingerprint === fingerprint) {
      plan.unchanged++
      continue
    }
    if (productId) plan.recertify.push(row)
    else plan.create.push(row)
  }

  if (plan.create.length) {
    const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["default_sales_channel_id"] })
    plan.sales_channel_id = store?.default_sales_channel_id ?? null
  }
  return plan
}

export function ratingKindFor(row: PlannedRow) {
  return ratingKind(row.supersedes?.stars, certifiedStars(row.record))
}
