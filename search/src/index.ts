export * from "./synonyms"
export * from "./product-index"
export * from "./relevance/queries"
export * from "./typo-correction"
