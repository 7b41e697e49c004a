import { defineSearchIndex } from "@medusajs/framework/utils"
import { productIndexDefinition } from "@ocop/search"

// The definition lives in the search workspace (fields, synonyms, events); the app registers it here.
export default defineSearchIndex(productIndexDefinition)
