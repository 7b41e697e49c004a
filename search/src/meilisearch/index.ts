import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { MeilisearchSearchProvider } from "./meilisearch-provider"

export { MeilisearchSearchProvider, meilisearchProviderOptionsSchema } from "./meilisearch-provider"
export type { MeilisearchProviderOptions } from "./meilisearch-provider"
export { meilisearchIndexOptionsSchema } from "./index-schema"
export type { MeilisearchIndexOptions } from "./index-schema"
export { andFilters, parseLikePattern, quoteFilterValue, translateFilters } from "./translate-filters"
export type { FilterFieldInfo, FilterSchema, TranslateFiltersOptions } from "./translate-filters"

export default ModuleProvider(Modules.SEARCH, {
  services: [MeilisearchSearchProvider],
})
