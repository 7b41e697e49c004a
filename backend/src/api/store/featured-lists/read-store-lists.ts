import type { MedusaContainer } from "@medusajs/framework/types"
import { FEATURED_MODULE } from "../../../modules/featured"
import type FeaturedModuleService from "../../../modules/featured/service"
import type { FeaturedListRecord } from "../../featured/handlers"
import { presentProvince } from "../../featured/handlers"
import { listSalesChannelProductIds, resolveQuery, STORE_PRODUCT_FIELDS, vndPricingContext } from "../../utils/ocop-catalog"
import { presentStoreProduct } from "../../utils/present-ocop"

/** Lists the shop shows now: published, started and not ended. */
export async function listActiveFeaturedLists(scope: MedusaContainer, filters: Record<string, unknown> = {}) {
  const featured: FeaturedModuleService = scope.resolve(FEATURED_MODULE)
  const now = new Date()
  return featured.listFeaturedLists(
    { ...filters, status: "published", starts_at: { $lte: now }, ends_at: { $gt: now } },
    { order: { starts_at: "DESC" } }
  )
}

/**
 * The lists with their products as the shop's product cards (the store's own presenter), in the list's order, only
 * those the publishable key's sales channels sell and that are published; a list left with none is not shown.
 */
export async function presentStoreLists(scope: MedusaContainer, lists: FeaturedListRecord[], salesChannelIds: string[]) {
  const allIds = [...new Set(lists.flatMap((l) => l.product_ids ?? []))]
  const sold = new Set(allIds.length ? await listSalesChannelProductIds(scope, salesChannelIds, allIds) : [])
  const visibleIds = allIds.filter((id) => sold.has(id))
  const { data } = visibleIds.length
    ? await resolveQuery(scope).graph({
        entity: "product",
        fields: STORE_PRODUCT_FIELDS,
        filters: { id: visibleIds, status: "published" },
        context: vndPricingContext(),
      })
    : { data: [] }
  const byId = new Map<string, Record<string, any>>(data.map((p: Record<string, any>) => [p.id, p]))
  return lists
    .map((list) => ({
      id: list.id,
      handle: list.handle,
      title: list.title,
      description: list.description ?? null,
      cover: list.cover ?? null,
      province: presentProvince(list.province_code),
      starts_at: list.starts_at,
      ends_at: list.ends_at,
      updated_at: list.updated_at,
      products: (list.product_ids ?? []).flatMap((id) => (byId.has(id) ? [presentStoreProduct(byId.get(id)!)] : [])),
    }))
    .filter((list) => list.products.length > 0)
}
