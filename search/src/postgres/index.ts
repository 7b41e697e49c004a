import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import { FacetedPostgresSearchProvider } from "./faceted-postgres-provider"

export { FacetedPostgresSearchProvider } from "./faceted-postgres-provider"
export { buildFacetTableDdl, facetTableName, listFacetColumns } from "./facet-table"
export { compileTypedFilters } from "./typed-filters"

export default ModuleProvider(Modules.SEARCH, {
  services: [FacetedPostgresSearchProvider],
})
export { Migration20261128080000 } from "./migrations/Migration20261128080000"
export { Migration20261128150700 } from "./migrations/Migration20261128150700"
