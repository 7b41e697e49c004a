import { ContainerRegistrationKeys, QueryContext } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import type { EffectiveCertificationStatus } from "@ocop/domain"
import ProductCertificationLink from "../../links/product-certification"
import ProductProducerLink from "../../links/product-producer"
import { fromDateOnly, todayInVietnam } from "../../modules/ocop/dates"

type Query = ReturnType<MedusaContainer["resolve"]> & { graph: (...args: any[]) => Promise<any> }

export type CertificationFilters = {
  stars?: number[]
  province_code?: string
  group?: string
}

function resolveQuery(scope: MedusaContainer): Query {
  return scope.resolve(ContainerRegistrationKeys.QUERY) as Query
}

/** A certificate shows its badge only while active and not past its valid-until date (the sweep job may lag). */
export function validCertificationFilter(today = todayInVietnam()) {
  return {
    status: "active",
    $or: [{ valid_until: null }, { valid_until: { $gte: fromDateOnly(today) } }],
  }
}

/**
 * Query filters for a certificate's *effective* status (@ocop/domain's effectiveCertificationStatus): an active one past
 * its valid-until date counts as expired, whatever the nightly job has written so far; an active one without a
 * valid-until date is of unknown validity (certified, never "still valid").
 */
export function effectiveStatusFilter(status: EffectiveCertificationStatus, today = todayInVietnam()) {
  if (status === "active") return { status: "active", valid_until: { $gte: fromDateOnly(today) } }
  if (status === "unknown_validity") return { status: "active", valid_until: null }
  if (status === "expired") {
    return { $or: [{ status: "expired" }, { status: "active", valid_until: { $lt: fromDateOnly(today) } }] }
  }
  return { status }
}

/**
 * Ids of products whose certificate matches the filters. A star tier is a promise to the buyer, so it only
 * matches valid certificates; province and group describe the product and match any certificate it still
 * carries (expired or revoked ones too: the product is listed, without a badge).
 */
export async function listCertifiedProductIds(scope: MedusaContainer, filters: CertificationFilters) {
  const certificationFilters: Record<string, unknown>[] = [{ status: { $ne: "superseded" } }]
  if (filters.stars?.length) certificationFilters.push(validCertificationFilter(), { stars: filters.stars })
  if (filters.province_code) certificationFilters.push({ province_code: filters.province_code })
  if (filters.group) {
    certificationFilters.push({
      $or: [{ product_group_code: filters.group }, { product_group_code: { $like: `${filters.group}.%` } }],
    })
  }
  const { data: certifications } = await resolveQuery(scope).graph({
    entity: "certification",
    fields: ["id"],
    filters: { $and: certificationFilters },
  })
  if (!certifications.length) return []
  const { data: links } = await resolveQuery(scope).graph({
    entity: ProductCertificationLink.entryPoint,
    fields: ["product_id"],
    filters: { certification_id: certifications.map((c: { id: string }) => c.id) },
  })
  return [...new Set<string>(links.map((l: { product_id: string }) => l.product_id))]
}

export async function listProducerProductIds(scope: MedusaContainer, producerId: string) {
  const { data: links } = await resolveQuery(scope).graph({
    entity: ProductProducerLink.entryPoint,
    fields: ["product_id"],
    filters: { producer_id: producerId },
  })
  return links.map((l: { product_id: string }) => l.product_id)
}

/**
 * Medusa turns a `q` filter into `ILIKE '%q%'` without escaping, so `q=%` or `q=_` matched every product. A
 * backslash is PostgreSQL's default LIKE escape (the Meilisearch filter translator honours it too).
 */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&")
}

/** Products the publishable key's sales channels sell, optionally within a candidate set. */
export async function listSalesChannelProductIds(scope: MedusaContainer, salesChannelIds: string[], candidateIds?: string[]) {
  const filters: Record<string, unknown> = { sales_channel_id: salesChannelIds }
  if (candidateIds) filters.product_id = candidateIds
  const { data: links } = await resolveQuery(scope).graph({
    entity: "product_sales_channel",
    fields: ["product_id"],
    filters,
  })
  return links.map((l: { product_id: string }) => l.product_id)
}

export const STORE_PRODUCT_FIELDS = [
  "id",
  "title",
  "subtitle",
  "handle",
  "description",
  "thumbnail",
  "status",
  "created_at",
  "images.id",
  "images.url",
  "variants.id",
  "variants.title",
  "variants.sku",
  "variants.calculated_price.*",
  "certifications.*",
  "producer.*",
]

export const DETAIL_EXTRA_FIELDS = ["certifications.rating_events.*"]

/** Prices are VND, whole đồng; the region is optional because the shop sells in one currency. */
export function vndPricingContext(regionId?: string) {
  return {
    variants: {
      calculated_price: QueryContext(regionId ? { region_id: regionId, currency_code: "vnd" } : { currency_code: "vnd" }),
    },
  }
}

export { resolveQuery }
