import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PRODUCT_INDEX_EVENTS } from "@ocop/search"
import { broadcastCatalogChange } from "../lib/catalog-change-broadcast"
import { OCOP_SEARCH_MODULE } from "../modules/ocop-search"
import type OcopSearchService from "../modules/ocop-search/service"

/**
 * Whatever changes a product's search document also drops the cached answers and the typo vocabulary, here and
 * (scaled out, where this runs in the worker only) in every server process.
 */
export default async function clearSearchCacheSubscriber({ container }: SubscriberArgs<unknown>) {
  container.resolve<OcopSearchService>(OCOP_SEARCH_MODULE).clearCache()
  broadcastCatalogChange()
}

export const config: SubscriberConfig = { event: PRODUCT_INDEX_EVENTS }
