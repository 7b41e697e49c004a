import type { RemoteQueryFunction } from "@medusajs/framework/types"
import { onCatalogChange } from "../../lib/catalog-change-broadcast"
import { AnswerCache } from "./answer-cache"
import { searchProducts, suggestProducts, type SearchModule } from "./product-query"
import type { OcopSearchOptions, SearchProductsInput } from "./types"
import { VocabularyCache } from "./vocabulary"

type InjectedDependencies = {
  /** Medusa's Search Module (the index defined in @ocop/search, served by its providers). */
  search: SearchModule
  /** Query, for the typo-correction vocabulary (product titles and their producers' names). */
  query: Omit<RemoteQueryFunction, symbol>
}

/**
 * The store's product search in one place: query building, the diacritics re-rank, typo correction against the
 * catalogue's words and the answer cache, on top of the index definition, synonyms and providers of @ocop/search.
 * Routes call `searchProducts`/`suggestProducts`; whatever changes the index calls `clearCache`.
 */
export default class OcopSearchService {
  private readonly dependencies: InjectedDependencies
  private readonly answers: AnswerCache
  private readonly vocabulary: VocabularyCache

  constructor(dependencies: InjectedDependencies, options: OcopSearchOptions = {}) {
    // Read on use, not here: Query is registered after the modules are loaded.
    this.dependencies = dependencies
    this.answers = new AnswerCache({
      enabled: options.cacheEnabled ?? true,
      ttlMs: options.cacheTtlMs ?? 5_000,
      max: options.cacheMaxEntries ?? 5_000,
    })
    this.vocabulary = new VocabularyCache(async () => {
      const { data } = await this.dependencies.query.graph({
        entity: "product",
        fields: ["title", "producer.name"],
        filters: { status: "published" },
      })
      return data.flatMap((p: any) => [p.title, p.producer?.name].filter(Boolean))
    }, options.vocabularyMaxAgeMs ?? 60_000)
    // Scaled out, the subscriber that clears the caches runs in the worker process only: it reaches this one over Redis.
    onCatalogChange(() => this.clearCache())
  }

  /** Text + filters + facets + sort + pagination over the published products of the given sales channels. */
  searchProducts(params: SearchProductsInput, salesChannelIds: string[]) {
    return this.answers.remember(JSON.stringify([params, salesChannelIds]), () =>
      searchProducts(this.dependencies.search, () => this.vocabulary.load(), params, salesChannelIds)
    )
  }

  /** Search-as-you-type: the top 8 titles for what has been typed so far. */
  suggestProducts(q: string, salesChannelIds: string[]) {
    return this.answers.remember(JSON.stringify(["suggest", q, salesChannelIds]), async () => ({
      suggestions: await suggestProducts(this.dependencies.search, q, salesChannelIds),
    }))
  }

  /** Drops the kept answers and the typo vocabulary of this process (the catalogue changed). */
  clearCache() {
    this.answers.clear()
    this.vocabulary.invalidate()
  }
}
