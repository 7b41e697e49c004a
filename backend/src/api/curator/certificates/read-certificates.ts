import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { RegisterRow } from "@ocop/contracts"
import ProductCertificationLink from "../../../links/product-certification"
import ProductProducerLink from "../../../links/product-producer"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import { todayInVietnam } from "../../../modules/ocop/dates"
import { effectiveStatusFilter, escapeLikePattern, resolveQuery } from "../../utils/ocop-catalog"
import { presentCertification, presentProducer } from "../../utils/present-ocop"
import type { CuratorListCertificates } from "../validators"

/** What a register row shows: the certificate, its product and producer (one Query read across the links). */
export const REGISTER_FIELDS = [
  "*",
  "product.id",
  "product.title",
  "product.handle",
  "product.producer.id",
  "product.producer.name",
  "product.producer.handle",
  "product.producer.type",
  "product.producer.province_code",
]

// Register matches are capped: a search that hits more products than this is too broad to be useful anyway.
const MAX_TEXT_MATCHES = 1000

/** Ids of certificates whose product title or producer name matches `q`. */
async function listCertificationIdsByText(scope: MedusaContainer, q: string): Promise<string[]> {
  const products = await scope.resolve(Modules.PRODUCT).listProducts({ q }, { select: ["id"], take: MAX_TEXT_MATCHES })
  const producers: ProducerModuleService = scope.resolve(PRODUCER_MODULE)
  const named = await producers.listProducers({ q }, { select: ["id"], take: MAX_TEXT_MATCHES })
  const query = resolveQuery(scope)
  const { data: producerProducts } = named.length
    ? await query.graph({
        entity: ProductProducerLink.entryPoint,
        fields: ["product_id"],
        filters: { producer_id: named.map((p) => p.id) },
      })
    : { data: [] }
  const productIds = [...new Set([...products.map((p) => p.id), ...producerProducts.map((l: any) => l.product_id)])]
  if (!productIds.length) return []
  const { data: links } = await query.graph({
    entity: ProductCertificationLink.entryPoint,
    fields: ["certification_id"],
    filters: { product_id: productIds },
  })
  return links.map((l: { certification_id: string }) => l.certification_id)
}

/**
 * The certificate register of the given provinces (already narrowed to the curator's): filters by effective
 * status, stars, text; sorted and paginated in the database.
 */
export async function listRegister(scope: MedusaContainer, provinceCodes: string[], params: CuratorListCertificates) {
  const today = todayInVietnam()
  const and: Record<string, unknown>[] = [{ province_code: provinceCodes }]
  // Superseded certificates are history; the register lists them only when asked.
  and.push(params.status ? effectiveStatusFilter(params.status, today) : { status: { $ne: "superseded" } })
  if (params.stars) and.push({ stars: params.stars })
  if (params.q) {
    const ids = await listCertificationIdsByText(scope, params.q)
    and.push({ $or: [{ decision_number: { $ilike: `%${escapeLikePattern(params.q)}%` } }, ...(ids.length ? [{ id: ids }] : [])] })
  }
  const descending = params.sort.startsWith("-")
  const field = params.sort.replace(/^-/, "")
  const { data, metadata } = await resolveQuery(scope).graph({
    entity: "certification",
    fields: REGISTER_FIELDS,
    filters: { $and: and },
    pagination: {
      skip: params.offset,
      take: params.limit,
      // The id breaks ties, so pages never overlap or skip a row.
      order: { [field]: descending ? "DESC" : "ASC", id: "ASC" },
    },
  })
  return { rows: data.map((c: any) => presentRegisterRow(c, today)), count: metadata?.count ?? data.length }
}

export function presentRegisterRow(cert: Record<string, any>, today = todayInVietnam()) {
  const product = cert.product
  return {
    ...presentCertification(cert, today, true),
    product: product ? { id: product.id, title: product.title, handle: product.handle } : null,
    producer: presentProducer(product?.producer),
    created_at: cert.created_at,
    updated_at: cert.updated_at,
  } satisfies RegisterRow
}

/** One certificate of the curator's provinces, with its history; null when it is not theirs (or does not exist). */
export async function readScopedCertificate(scope: MedusaContainer, provinceCodes: string[], id: string) {
  const { data } = await resolveQuery(scope).graph({
    entity: "certification",
    fields: [...REGISTER_FIELDS, "rating_events.*"],
    filters: { id, province_code: provinceCodes },
  })
  return data[0] ?? null
}
