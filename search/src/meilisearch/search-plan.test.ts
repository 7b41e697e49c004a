import { MedusaError, search } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import { describe, expect, it } from "vitest"
import { buildIndexSchema, buildIndexSettings, buildTypoTolerance, MATCH_ATTRIBUTE, prepareDocument, RANKING_RULES } from "./index-schema"
import { planSearch, selectFacetValues, toMatchingStrategy, toMeilisearchQuery } from "./search-plan"

const fields = search
  .define({
    id: search.keyword().filterable(),
    title: search.text().searchable({ weight: 3 }).sortable(),
    description: search.text().searchable(),
    handle: search.keyword(),
    status: search.keyword().filterable().retrievable(false),
    category_ids: search.keyword().array().filterable().facetable(),
    stars: search
      .integer()
      .filterable()
      .sortable()
      .facetable({ types: ["value", "range", "stats"] }),
    price: search
      .float()
      .filterable()
      .sortable()
      .facetable({ types: ["range", "stats"] }),
    province_code: search.keyword().filterable().facetable(),
    certified_at: search
      .date()
      .filterable()
      .sortable()
      .facetable({ types: ["range", "value"] }),
    producer: search.object({
      id: search.keyword().filterable(),
      name: search.text().searchable({ weight: 2 }),
    }),
    embedding: search.vector(3),
  })
  .toFields()

function definitionWith(settings: SearchTypes.SearchIndexSettings = {}): SearchTypes.ResolvedSearchIndexDefinition {
  return {
    name: "product",
    entity: "product",
    primary_key: "id",
    provider: "meilisearch",
    fields,
    settings,
    seed: async function* () {},
    definition_hash: "test",
    physical_name: "product_v1",
  }
}

const definition = definitionWith({ typo_tolerance: { enabled: true } })
const schema = buildIndexSchema(definition)
const planOptions = { indexUid: "ocop_product_v1", maxTotalHits: 1000, maxValuesPerFacet: 100, containsFilter: false }

function query(overrides: Partial<SearchTypes.ProviderSearchQuery> = {}): SearchTypes.ProviderSearchQuery {
  return {
    index: definition,
    attributes_to_retrieve: ["id", "title", "producer.name"],
    pagination: { skip: 0, take: 20 },
    ...overrides,
  }
}

function response(overrides: Record<string, unknown> = {}) {
  return { hits: [], processingTimeMs: 3, query: "", ...overrides } as never
}

function errorOf(run: () => unknown): MedusaError {
  try {
    run()
  } catch (error) {
    return error as MedusaError
  }
  throw new Error("expected an error")
}

describe("buildIndexSchema", () => {
  it("orders searchable attributes by weight, keeping declaration order among equals", () => {
    expect(schema.searchable).toEqual(["title", "producer.name", "description"])
  })

  it("makes filters, facets, the primary key and the match counter filterable; dates via their epoch copy", () => {
    expect(schema.filterable).toEqual([
      "id",
      MATCH_ATTRIBUTE,
      "status",
      "category_ids",
      "stars",
      "price",
      "province_code",
      "_medusa.date.certified_at",
      "producer.id",
    ])
  })

  it("makes sortable fields and the primary key sortable", () => {
    expect(schema.sortable).toEqual(["id", "title", "stars", "price", "_medusa.date.certified_at"])
  })

  it("ignores vector fields and reports them", () => {
    expect(schema.fields.has("embedding")).toBe(false)
    expect(schema.ignoredVectors).toEqual(["embedding"])
  })

  it("flags leaves under arrays of objects as arrays", () => {
    const nested = buildIndexSchema({
      name: "x",
      primary_key: "id",
      fields: search
        .define({
          id: search.keyword(),
          variants: search.object({ sku: search.keyword().filterable() }).array(),
        })
        .toFields(),
    })
    expect(nested.fields.get("variants.sku")).toMatchObject({ array: true, attribute: "variants.sku" })
  })

  it("rejects geo fields, the reserved _medusa name and range facets on arrays", () => {
    expect(
      errorOf(() => buildIndexSchema({ name: "x", primary_key: "id", fields: { id: { type: "keyword" }, at: { type: "geo" } } })).message
    ).toContain('geo field "at"')
    expect(
      errorOf(() => buildIndexSchema({ name: "x", primary_key: "id", fields: { id: { type: "keyword" }, _medusa: { type: "keyword" } } })).message
    ).toContain('"_medusa" is reserved')
    expect(
      errorOf(() =>
        buildIndexSchema({
          name: "x",
          primary_key: "id",
          fields: { id: { type: "keyword" }, n: { type: "integer", array: true, facetable: true } },
        })
      ).message
    ).toContain('array field "n"')
  })
})

describe("buildIndexSettings", () => {
  const limits = { maxTotalHits: 500, maxValuesPerFacet: 50 }

  it("writes every managed setting", () => {
    const settings = buildIndexSettings(
      definitionWith({
        distinct_attribute: "province_code",
        provider_options: { meilisearch: { synonyms: { chè: ["trà"] }, locales: ["vi-VN"] } },
      }),
      schema,
      limits
    )
    expect(settings).toMatchObject({
      searchableAttributes: ["title", "producer.name", "description"],
      rankingRules: RANKING_RULES,
      distinctAttribute: "province_code",
      synonyms: { chè: ["trà"] },
      stopWords: null,
      localizedAttributes: [{ attributePatterns: ["*"], locales: ["vi"] }],
      pagination: { maxTotalHits: 500 },
      faceting: { maxValuesPerFacet: 50, sortFacetValuesBy: { "*": "count" } },
    })
    expect(RANKING_RULES[0]).toBe("sort")
  })

  it("resets optional settings the definition does not set", () => {
    const settings = buildIndexSettings(definitionWith(), schema, limits)
    expect(settings.synonyms).toBeNull()
    expect(settings.distinctAttribute).toBeNull()
    expect(settings.localizedAttributes).toBeNull()
  })

  it("rejects unknown Meilisearch options, naming them", () => {
    const error = errorOf(() =>
      buildIndexSettings(definitionWith({ provider_options: { meilisearch: { ranking_rules: ["words"] } } }), schema, limits)
    )
    expect(error.message).toContain('"ranking_rules" is not a known option')
  })

  it("rejects malformed synonyms", () => {
    const error = errorOf(() =>
      buildIndexSettings(definitionWith({ provider_options: { meilisearch: { synonyms: { chè: "trà" } } } }), schema, limits)
    )
    expect(error.message).toContain('"synonyms.chè"')
  })
})

describe("buildTypoTolerance", () => {
  const typo = (typo_tolerance: SearchTypes.SearchIndexSettings["typo_tolerance"]) => buildTypoTolerance(definitionWith({ typo_tolerance }), schema)

  it("defaults to Meilisearch's sizes", () => {
    expect(typo(undefined)).toEqual({
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnAttributes: [],
    })
  })

  it("carries the sizes over as they are: one typo from 5 letters means oneTypo 5", () => {
    expect(typo({ min_word_size_for_one_typo: 5, min_word_size_for_two_typos: 8 })?.minWordSizeForTypos).toEqual({
      oneTypo: 5,
      twoTypos: 8,
    })
  })

  it("reconciles a size set on one side with the default on the other", () => {
    expect(typo({ min_word_size_for_one_typo: 12 })?.minWordSizeForTypos).toEqual({ oneTypo: 12, twoTypos: 12 })
    expect(typo({ min_word_size_for_two_typos: 3 })?.minWordSizeForTypos).toEqual({ oneTypo: 3, twoTypos: 3 })
    expect(typo({ min_word_size_for_one_typo: 3 })?.minWordSizeForTypos).toEqual({ oneTypo: 3, twoTypos: 9 })
  })

  it("maps enabled and disabled_on_attributes", () => {
    expect(typo({ enabled: false, disabled_on_attributes: ["title"] })).toMatchObject({
      enabled: false,
      disableOnAttributes: ["title"],
    })
  })

  it("rejects inconsistent or impossible sizes and unknown attributes", () => {
    expect(errorOf(() => typo({ min_word_size_for_one_typo: 6, min_word_size_for_two_typos: 4 })).message).toContain("cannot be lower")
    expect(errorOf(() => typo({ min_word_size_for_one_typo: 2.5 })).message).toContain("whole number")
    expect(errorOf(() => typo({ disabled_on_attributes: ["sku"] })).message).toContain('"sku"')
  })
})

describe("prepareDocument", () => {
  it("adds the match counter and epoch copies of dates, without touching the input", () => {
    const document = { id: "prod_1", title: "Trà", certified_at: new Date("2026-01-01T00:00:00Z") }
    const prepared = prepareDocument(document, schema)
    expect(prepared).toEqual({
      ...document,
      _medusa: { match: 1, date: { certified_at: Date.UTC(2026, 0, 1) } },
    })
    expect(document).not.toHaveProperty("_medusa")
  })

  it("reads ISO strings and skips unparseable or missing dates", () => {
    expect(prepareDocument({ id: "p", certified_at: "2026-01-01T00:00:00Z" }, schema)._medusa).toEqual({
      match: 1,
      date: { certified_at: Date.UTC(2026, 0, 1) },
    })
    expect(prepareDocument({ id: "p", certified_at: "soon" }, schema)._medusa).toEqual({ match: 1 })
    expect(prepareDocument({ id: "p", certified_at: null }, schema)._medusa).toEqual({ match: 1 })
  })

  it("rejects ids Meilisearch would refuse", () => {
    expect(errorOf(() => prepareDocument({ id: "prod 1" }, schema)).message).toContain('"prod 1"')
    expect(errorOf(() => prepareDocument({ id: "" }, schema)).type).toBe(MedusaError.Types.INVALID_DATA)
  })
})

describe("toMeilisearchQuery", () => {
  it("adds a trailing space so the last term is not a prefix", () => {
    expect(toMeilisearchQuery("trà shan", { typoTolerance: true, prefixLastTerm: false })).toBe("trà shan ")
  })

  it("keeps the last term a prefix for typeahead", () => {
    expect(toMeilisearchQuery("trà sh", { typoTolerance: true, prefixLastTerm: true })).toBe("trà sh")
  })

  it("quotes every term to disable typos", () => {
    expect(toMeilisearchQuery("tra shan tuyet", { typoTolerance: false, prefixLastTerm: false })).toBe('"tra" "shan" "tuyet"')
  })

  it("leaves the typeahead prefix unquoted when typos are off", () => {
    expect(toMeilisearchQuery("mật o", { typoTolerance: false, prefixLastTerm: true })).toBe('"mật" o')
  })

  it("drops user quotes and negations", () => {
    expect(toMeilisearchQuery('"trà" -shan', { typoTolerance: true, prefixLastTerm: false })).toBe("trà shan ")
    expect(toMeilisearchQuery('" -', { typoTolerance: false, prefixLastTerm: false })).toBe("")
  })
})

describe("toMatchingStrategy", () => {
  it("maps all and last to all, any to frequency", () => {
    expect(toMatchingStrategy("all")).toBe("all")
    expect(toMatchingStrategy("last")).toBe("all")
    expect(toMatchingStrategy("any")).toBe("frequency")
  })
})

describe("planSearch", () => {
  it("sends one offset/limit request for plain hits with an estimated count", () => {
    const plan = planSearch(query({ q: "  Trà Shan ", filters: { status: "published" }, pagination: { skip: 40, take: 20 } }), schema, planOptions)
    expect(plan.queries).toEqual([
      {
        indexUid: "ocop_product_v1",
        q: '"Trà" "Shan"',
        filter: 'status = "published"',
        matchingStrategy: "all",
        attributesToRetrieve: ["id", "title", "producer.name"],
        offset: 40,
        limit: 20,
      },
    ])
    expect(plan.facetSearches).toEqual([])

    const result = plan.assemble(
      [
        response({
          hits: [{ id: "prod_1", title: "Trà Shan", producer: { name: "HTX", id: "p" }, status: "x" }],
          estimatedTotalHits: 57,
        }),
      ],
      []
    )
    expect(result).toEqual({
      hits: [{ id: "prod_1", document: { id: "prod_1", title: "Trà Shan", producer: { name: "HTX" } } }],
      facets: undefined,
      metadata: { skip: 40, take: 20, count: 57, query: "  Trà Shan ", processing_time_ms: 3 },
    })
  })

  it("browses by primary key when there is no query and no order", () => {
    const [main] = planSearch(query(), schema, planOptions).queries
    expect(main.sort).toEqual(["id:asc"])
    expect(main.q).toBeUndefined()
  })

  it("sorts by fields, dates on their epoch copy, relevance allowed last", () => {
    const [main] = planSearch(
      query({ q: "trà", pagination: { order: { certified_at: "DESC", price: "ASC", _score: "DESC" } } }),
      schema,
      planOptions
    ).queries
    expect(main.sort).toEqual(["_medusa.date.certified_at:desc", "price:asc"])
  })

  it("leaves relevance alone when it is the only order", () => {
    const [main] = planSearch(query({ q: "trà", pagination: { order: { _score: "DESC" } } }), schema, planOptions).queries
    expect(main.sort).toBeUndefined()
  })

  it("rejects orders Meilisearch cannot apply", () => {
    expect(errorOf(() => planSearch(query({ pagination: { order: { _score: "ASC" } } }), schema, planOptions)).message).toContain(
      "ascending relevance"
    )
    expect(errorOf(() => planSearch(query({ pagination: { order: { _score: "DESC", price: "ASC" } } }), schema, planOptions)).message).toContain(
      "_score must come last"
    )
    expect(errorOf(() => planSearch(query({ pagination: { order: { category_ids: "ASC" } } }), schema, planOptions)).message).toContain("array field")
  })

  it("counts exactly with one finite-pagination request when skip is a multiple of take", () => {
    const plan = planSearch(query({ pagination: { skip: 40, take: 20 }, search_options: { count: "exact" } }), schema, planOptions)
    expect(plan.queries).toHaveLength(1)
    expect(plan.queries[0]).toMatchObject({ page: 3, hitsPerPage: 20, facets: [MATCH_ATTRIBUTE] })
    expect(plan.queries[0]).not.toHaveProperty("offset")

    const result = plan.assemble([response({ facetDistribution: { [MATCH_ATTRIBUTE]: { "1": 4321 } }, totalHits: 1000 })], [])
    expect(result.metadata.count).toBe(4321)
  })

  it("adds an aggregate request when skip is not a multiple of take", () => {
    const plan = planSearch(query({ pagination: { skip: 5, take: 20 }, search_options: { count: "exact" } }), schema, planOptions)
    expect(plan.queries).toHaveLength(2)
    expect(plan.queries[0]).toMatchObject({ offset: 5, limit: 20 })
    expect(plan.queries[1]).toEqual({
      indexUid: "ocop_product_v1",
      matchingStrategy: "all",
      page: 1,
      hitsPerPage: 0,
      facets: [MATCH_ATTRIBUTE],
    })
    const result = plan.assemble([response({ estimatedTotalHits: 3 }), response({ facetDistribution: { [MATCH_ATTRIBUTE]: { "1": 12 } } })], [])
    expect(result.metadata.count).toBe(12)
  })

  it("returns a null count when none is asked for", () => {
    const plan = planSearch(query({ search_options: { count: "none" } }), schema, planOptions)
    expect(plan.assemble([response({ estimatedTotalHits: 9 })], []).metadata.count).toBeNull()
  })

  it("computes value, stats and range facets", () => {
    const plan = planSearch(
      query({
        q: "trà",
        filters: { status: "published" },
        pagination: { skip: 0, take: 2 },
        search_options: {
          facets: [
            "province_code",
            { field: "stars", type: "value", sort: "alpha", limit: 2 },
            { field: "price", type: "stats" },
            {
              field: "price",
              type: "range",
              ranges: [{ key: "cheap", to: 100000 }, { from: 100000 }, {}],
            },
          ],
        },
      }),
      schema,
      planOptions
    )

    expect(plan.queries).toHaveLength(4)
    expect(plan.queries[0]).toMatchObject({
      page: 1,
      hitsPerPage: 2,
      facets: [MATCH_ATTRIBUTE, "province_code", "stars", "price"],
    })
    expect(plan.queries[1]).toMatchObject({
      q: '"trà"',
      filter: '(status = "published") AND (price < 100000)',
      page: 1,
      hitsPerPage: 0,
      facets: [MATCH_ATTRIBUTE],
    })
    expect(plan.queries[2].filter).toBe('(status = "published") AND (price >= 100000)')
    expect(plan.queries[3].filter).toBe('status = "published"')

    const result = plan.assemble(
      [
        response({
          facetDistribution: {
            [MATCH_ATTRIBUTE]: { "1": 7 },
            province_code: { "02": 3, "01": 3, "79": 1 },
            stars: { "5": 2, "3": 1, "4": 4 },
          },
          facetStats: { price: { min: 50000, max: 350000 } },
        }),
        response({ facetDistribution: { [MATCH_ATTRIBUTE]: { "1": 2 } } }),
        response({ facetDistribution: { [MATCH_ATTRIBUTE]: { "1": 5 } } }),
        response({ facetDistribution: { [MATCH_ATTRIBUTE]: { "1": 7 } } }),
      ],
      []
    )

    expect(result.facets).toEqual({
      province_code: {
        type: "value",
        values: [
          { value: "01", count: 3 },
          { value: "02", count: 3 },
          { value: "79", count: 1 },
        ],
      },
      stars: {
        type: "value",
        values: [
          { value: "3", count: 1 },
          { value: "4", count: 4 },
        ],
      },
      price: {
        type: "range",
        ranges: [
          { key: "cheap", from: undefined, to: 100000, count: 2 },
          { key: "100000-*", from: 100000, to: undefined, count: 5 },
          { key: "*-*", from: undefined, to: undefined, count: 7 },
        ],
      },
    })
    expect(result.metadata.count).toBe(7)
  })

  it("reports stats with the exact match count", () => {
    const plan = planSearch(query({ search_options: { facets: [{ field: "stars", type: "stats" }] } }), schema, planOptions)
    const result = plan.assemble([response({ facetDistribution: { [MATCH_ATTRIBUTE]: { "1": 9 } }, facetStats: { stars: { min: 3, max: 5 } } })], [])
    expect(result.facets?.stars).toEqual({ type: "stats", min: 3, max: 5, count: 9 })
  })

  it("turns date range bounds into epoch milliseconds", () => {
    const plan = planSearch(
      query({ search_options: { facets: [{ field: "certified_at", type: "range", ranges: [{ from: "2026-01-01T00:00:00Z" }] }] } }),
      schema,
      planOptions
    )
    expect(plan.queries[1].filter).toBe(`_medusa.date.certified_at >= ${Date.UTC(2026, 0, 1)}`)
  })

  it("narrows text facet values with a facet search, filtered again by exact prefix", () => {
    const plan = planSearch(
      query({
        q: "trà",
        filters: { status: "published" },
        search_options: { match_strategy: "last", facets: [{ field: "province_code", type: "value", query: "H" }] },
      }),
      schema,
      planOptions
    )
    expect(plan.queries).toHaveLength(1)
    expect(plan.queries[0]).not.toHaveProperty("facets")
    expect(plan.facetSearches).toEqual([
      {
        indexUid: "ocop_product_v1",
        params: {
          facetName: "province_code",
          facetQuery: "H",
          q: "trà",
          filter: 'status = "published"',
          matchingStrategy: "all",
          exhaustiveFacetCount: true,
        },
      },
    ])
    const result = plan.assemble(
      [response()],
      [
        {
          facetHits: [
            { value: "Hà Giang", count: 2 },
            { value: "hà nội", count: 5 },
            { value: "Huế", count: 1 },
          ],
          facetQuery: "H",
          processingTimeMs: 1,
        },
      ]
    )
    expect(result.facets?.province_code).toEqual({
      type: "value",
      values: [
        { value: "Hà Giang", count: 2 },
        { value: "Huế", count: 1 },
      ],
    })
  })

  it("narrows non-text facet values from the distribution", () => {
    const plan = planSearch(query({ search_options: { facets: [{ field: "stars", type: "value", query: "4" }] } }), schema, planOptions)
    expect(plan.facetSearches).toEqual([])
    const result = plan.assemble([response({ facetDistribution: { stars: { "4": 2, "5": 1 } } })], [])
    expect(result.facets?.stars).toEqual({ type: "value", values: [{ value: "4", count: 2 }] })
  })

  it("maps scores, thresholds, locales, distinct and searchable attributes", () => {
    const plan = planSearch(
      query({
        q: "trà",
        search_options: {
          include_score: true,
          min_score: 0.4,
          locales: ["vi-VN"],
          distinct: "province_code",
          attributes_to_search_on: ["title"],
          typo_tolerance: true,
          match_strategy: "any",
        },
      }),
      schema,
      planOptions
    )
    expect(plan.queries[0]).toMatchObject({
      q: "trà ",
      matchingStrategy: "frequency",
      showRankingScore: true,
      rankingScoreThreshold: 0.4,
      locales: ["vi"],
      distinct: "province_code",
      attributesToSearchOn: ["title"],
    })
    const result = plan.assemble([response({ hits: [{ id: "prod_1", title: "Trà", _rankingScore: 0.92 }] })], [])
    expect(result.hits[0]).toEqual({ id: "prod_1", score: 0.92, document: { id: "prod_1", title: "Trà" } })
  })

  it("ignores query typo tolerance when the index disables typos", () => {
    const plan = planSearch(
      query({ index: definitionWith({ typo_tolerance: { enabled: false } }), q: "tra", search_options: { typo_tolerance: true } }),
      schema,
      planOptions
    )
    expect(plan.queries[0].q).toBe('"tra"')
  })

  it("highlights matched terms only", () => {
    const plan = planSearch(
      query({ q: "trà", search_options: { highlight: { fields: ["title", "producer.name"], pre_tag: "<b>", post_tag: "</b>" } } }),
      schema,
      planOptions
    )
    expect(plan.queries[0]).toMatchObject({
      attributesToHighlight: ["title", "producer.name"],
      highlightPreTag: "<b>",
      highlightPostTag: "</b>",
      attributesToRetrieve: ["id", "title", "producer.name"],
    })
    const result = plan.assemble(
      [
        response({
          hits: [
            {
              id: "prod_1",
              title: "Trà Shan",
              producer: { name: "HTX" },
              _formatted: { id: "prod_1", title: "<b>Trà</b> Shan", producer: { name: "HTX" } },
            },
          ],
        }),
      ],
      []
    )
    expect(result.hits[0].highlights).toEqual({ title: ["<b>Trà</b> Shan"] })
  })

  it("ignores highlighting without a text query", () => {
    const [main] = planSearch(query({ search_options: { highlight: true } }), schema, planOptions).queries
    expect(main).not.toHaveProperty("attributesToHighlight")
  })

  it("rejects what Meilisearch cannot answer exactly", () => {
    expect(errorOf(() => planSearch(query({ pagination: { skip: 990, take: 20 } }), schema, planOptions)).message).toContain("max_total_hits")
    expect(errorOf(() => planSearch(query({ pagination: { cursor: "abc" } }), schema, planOptions)).message).toContain("cursor")
    expect(errorOf(() => planSearch(query({ search_options: { vector: { value: [1, 2, 3] } } }), schema, planOptions)).message).toContain("vector")
    expect(
      errorOf(() => planSearch(query({ search_options: { facets: [{ field: "province_code", limit: 500 }] } }), schema, planOptions)).message
    ).toContain("max_values_per_facet")
    expect(errorOf(() => planSearch(query({ search_options: { min_score: 3 } }), schema, planOptions)).message).toContain("min_score")
    expect(errorOf(() => planSearch(query({ search_options: { distinct: "handle" } }), schema, planOptions)).message).toContain("handle")
  })

  it("refuses a text query on an index without searchable fields", () => {
    const bare = definitionWith()
    bare.fields = { id: { type: "keyword", filterable: true } }
    expect(errorOf(() => planSearch(query({ index: bare, q: "x" }), buildIndexSchema(bare), planOptions)).message).toContain("no searchable fields")
  })
})

describe("selectFacetValues", () => {
  const values = [
    { value: "b", count: 2 },
    { value: "a", count: 2 },
    { value: "c", count: 5 },
  ]

  it("orders by count, then value", () => {
    expect(selectFacetValues(values, { limit: 10, sort: "count" }).map(({ value }) => value)).toEqual(["c", "a", "b"])
  })

  it("orders alphabetically and limits", () => {
    expect(selectFacetValues(values, { limit: 2, sort: "alpha" }).map(({ value }) => value)).toEqual(["a", "b"])
  })
})
