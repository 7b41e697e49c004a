import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PRODUCT_INDEX_EVENTS } from "@ocop/search"
import { clearSearchCache } from "../api/utils/search-cache"
import { broadcastCatalogChange } from "../lib/catalog-change-broadcast"
import { invalidateSearchVocabulary } from "../api/utils/search-vocabulary"

/**
 * Whatever changes a product's search document also drops the cached answers and the typo vocabulary, here and
 * (scaled out, where this runs in the worker only) in every server process.
 */
export default async function clearSearchCacheSubscriber(_args: SubscriberArgs<unknown>) {
  clearSearchCache()
  invalidateSearchVocabulary()
  broadcastCatalogChange()
}

export const config: SubscriberConfig = { event: PRODUCT_INDEX_EVENTS }
