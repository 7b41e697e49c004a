import { AbstractSearchProviderService, MedusaError, ModuleProvider, Modules, readDocumentPath } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import { MeiliSearch, MeiliSearchApiError } from "meilisearch"
import { z } from "zod"
export const x: SearchTypes.SearchFilters = {}
export { AbstractSearchProviderService, MedusaError, ModuleProvider, Modules, readDocumentPath, MeiliSearch, MeiliSearchApiError, z }
