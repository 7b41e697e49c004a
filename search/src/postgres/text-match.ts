import type { SearchTypes } from "@medusajs/framework/types"

/**
 * The keyword match of a query and its relevance, as SQL over a `search_vector` column. The query is parsed by
 * `plainto_tsquery` under the index's text configuration (accents folded, words as the documents' words), so
 * punctuation or operators typed by a shopper are plain words. Strategies, as the Search Module defines them:
 * - `all` (default): every word must match;
 * - `any`: one word is enough (the parsed `&` become `|`);
 * - `last`: every word, the last one as a prefix (`mat o` finds "mật ong" while the shopper is typing).
 * Relevance is `ts_rank_cd`: cover density over the weighted vector, so words close together in a heavy field
 * rank first. Each function appends the query to `params` for its `?`.
 */
export function buildTextMatch(tsConfig: string, q: string, strategy: SearchTypes.SearchMatchStrategy | undefined) {
  const tsquery = (params: unknown[]) => {
    params.push(q)
    const parsed = `plainto_tsquery('${tsConfig}', ?)`
    if (strategy === "any") return `replace(${parsed}::text, ' & ', ' | ')::tsquery`
    // The parsed text ends with the last lexeme in quotes ('mat' & 'o'); mark that one as a prefix.
    if (strategy === "last") return `regexp_replace(${parsed}::text, '(''[^'']+'')$', '\\1:*')::tsquery`
    return parsed
  }
  return {
    match: (params: unknown[]) => `"search_vector" @@ ${tsquery(params)}`,
    rank: (params: unknown[]) => `ts_rank_cd("search_vector", ${tsquery(params)})`,
  }
}
