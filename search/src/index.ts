export * from "./synonyms"
export * from "./product-index"
export * from "./relevance/queries"
