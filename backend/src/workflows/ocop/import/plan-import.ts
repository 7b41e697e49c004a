import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { echoValue, type CertificationRecord, type RowError } from "@ocop/seed"
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
  supersedes: { id: string; stars: number; status: string } | null
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
  const keyed = records.map((record) => ({ record, key: productImportKey(record), fingerprint: recordFingerprint(record) }))
  const keys = [...new Set(keyed.map((r) => r.key))]

  // Read in chunks: a 50,000-row list must not become one IN (…) of 50,000 parameters.
  const products: { id: string; external_id: string; producer?: { id: string } | null }[] = []
  const certifications: { id: string; import_key: string | null; fingerprint: string | null; status: string; stars: number }[] = []
  for (let start = 0; start < keys.length; start += chunkSize) {
    const chunk = keys.slice(start, start + chunkSize)
    const { data } = await query.graph({ entity: "product", fields: ["id", "external_id", "producer.id"], filters: { external_id: chunk } })
    products.push(...(data as any[]))
    certifications.push(
      ...(await ocop.listCertifications(
        { import_key: chunk, status: { $ne: "superseded" } },
        { select: ["id", "import_key", "fingerprint", "status", "stars", "created_at"], order: { created_at: "DESC" } }
      ))
    )
  }
  const productByKey = new Map<string, string>(products.map((p) => [p.external_id, p.id]))
  const linkedToProducer = new Set<string>(products.filter((p) => p.producer?.id).map((p) => p.id))
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
    // The same product twice in one list (e.g. "Dừa sáp sợi VICOSAP" and "Dừa sáp sợi (VICOSAP)"): the first row wins.
    if (seen.has(key)) {
      plan.unchanged++
      continue
    }
    seen.add(key)
    const productId = productByKey.get(key) ?? null
    const current = currentByKey.get(key)
    if (mode === "revoke") {
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
    const row: PlannedRow = {
      key,
      fingerprint,
      record,
      product_id: productId,
      supersedes: current && current.status !== "revoked" ? { id: current.id, stars: current.stars, status: current.status } : null,
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
