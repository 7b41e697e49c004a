import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PRODUCT_INDEX_EVENTS } from "@ocop/search"
import { clearSearchCache } from "../api/utils/search-cache"
import { invalidateSearchVocabulary } from "../api/utils/search-vocabulary"

/** Whatever changes a product's search document also drops the cached answers and the typo vocabulary. */
export default async function clearSearchCacheSubscriber(_args: SubscriberArgs<unknown>) {
  clearSearchCache()
  invalidateSearchVocabulary()
}

export const config: SubscriberConfig = { event: PRODUCT_INDEX_EVENTS }
