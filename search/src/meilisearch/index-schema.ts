/**
 * How a Search Module index definition maps onto a Meilisearch index: which attribute serves each field,
 * the index settings, and the shape of the documents written to it.
 */
import type { Settings, TypoTolerance } from "meilisearch" with { "resolution-mode": "import" }
import { MedusaError, readDocumentPath, searchValueToNumber, setDocumentPath } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"
import { z } from "zod"
import type { FilterFieldInfo } from "./translate-filters"

type FieldDefinition = SearchTypes.SearchFieldDefinition
type FacetKind = SearchTypes.SearchFacetKind

/**
 * Every document gets a `_medusa` object the provider owns. Meilisearch has no date type and compares
 * numbers only, so each date field gets an epoch-milliseconds copy under `_medusa.date.<path>` for filters,
 * sorting and facets, while the field itself keeps the value as written (what hits return).
 */
export const RESERVED_ATTRIBUTE = "_medusa"

/**
 * A constant (`1`) on every document. Faceting on it yields the exact number of matching documents:
 * facet counts are computed over all candidates, whereas `totalHits` stops at `maxTotalHits`.
 */
export const MATCH_ATTRIBUTE = `${RESERVED_ATTRIBUTE}.match`

export function dateAttribute(path: string): string {
  return `${RESERVED_ATTRIBUTE}.date.${path}`
}

/** Meilisearch's own defaults for `minWordSizeForTypos`, which Medusa's defaults defer to. */
const DEFAULT_MIN_WORD_SIZE_FOR_ONE_TYPO = 5
const DEFAULT_MIN_WORD_SIZE_FOR_TWO_TYPOS = 9

/**
 * `sort` comes first so that `pagination.order` is a hard sort, as it is on Postgres; without a sort
 * parameter the rule is a no-op and relevance ranks as usual.
 */
export const RANKING_RULES = ["sort", "words", "typo", "proximity", "attribute", "exactness"]

/** A leaf field of the index and the Meilisearch attribute that serves it. */
export type IndexedField = FilterFieldInfo & {
  path: string
  array: boolean
  attribute: string
  definition: FieldDefinition
}

export type IndexSchema = {
  /** The index name, for error messages. */
  name: string
  primaryKey: string
  /** Leaf fields by dotted path. Vector fields are left out: this provider does not search vectors. */
  fields: Map<string, IndexedField>
  /** Searchable paths, highest weight first: Meilisearch ranks by attribute order, not by weight. */
  searchable: string[]
  /** Attributes that must be filterable: filtered and faceted ones, since Meilisearch facets only those. */
  filterable: string[]
  sortable: string[]
  dates: IndexedField[]
  ignoredVectors: string[]
}

export type IndexLimits = {
  /** Meilisearch's `pagination.maxTotalHits`: how deep results can be paged. */
  maxTotalHits: number
  /** Meilisearch's `faceting.maxValuesPerFacet`: how many values a value facet can return. */
  maxValuesPerFacet: number
}

type DefinitionInput = Pick<SearchTypes.ResolvedSearchIndexDefinition, "name" | "fields" | "primary_key">

/** Flattens a definition into its leaf fields and checks Meilisearch can hold them. */
export function buildIndexSchema(definition: DefinitionInput): IndexSchema {
  if (RESERVED_ATTRIBUTE in definition.fields) {
    throw notAllowed(definition.name, `"${RESERVED_ATTRIBUTE}" is reserved by the Meilisearch provider; rename that field`)
  }

  const fields = new Map<string, IndexedField>()
  const weighted: { path: string; weight: number }[] = []
  const ignoredVectors: string[] = []

  const walk = (group: Record<string, FieldDefinition>, prefix: string, inArray: boolean) => {
    for (const [name, field] of Object.entries(group)) {
      const path = prefix ? `${prefix}.${name}` : name
      const array = inArray || field.array === true
      if (field.type === "object") {
        walk(field.fields ?? {}, path, array)
        continue
      }
      if (field.type === "vector") {
        ignoredVectors.push(path)
        continue
      }
      if (field.type === "geo") {
        // Meilisearch only reads geo points from a top-level `_geo`, and the filter tree cannot express a
        // radius anyway, so there is nothing a geo field could be used for.
        throw notAllowed(definition.name, `geo field "${path}" is not supported`)
      }
      if (array && isFacetable(field, "range")) {
        throw notAllowed(definition.name, `range facets on array field "${path}" are not supported: a document would count once per value`)
      }

      fields.set(path, {
        path,
        type: field.type,
        array,
        attribute: field.type === "date" ? dateAttribute(path) : path,
        definition: field,
      })
      if (isSearchable(field)) {
        weighted.push({ path, weight: searchWeight(field) })
      }
    }
  }
  walk(definition.fields, "", false)

  if (!fields.has(definition.primary_key)) {
    throw notAllowed(definition.name, `its primary key "${definition.primary_key}" is not a declared field`)
  }

  // A stable sort keeps declaration order among equal weights.
  const searchable = weighted.sort((a, b) => b.weight - a.weight).map(({ path }) => path)

  const filterable = new Set([definition.primary_key, MATCH_ATTRIBUTE])
  // The primary key is sortable so that browsing without a query pages in a stable order.
  const sortable = new Set([definition.primary_key])
  for (const field of fields.values()) {
    if (field.definition.filterable || isFacetable(field.definition)) {
      filterable.add(field.attribute)
    }
    if (field.definition.sortable) {
      sortable.add(field.attribute)
    }
  }

  return {
    name: definition.name,
    primaryKey: definition.primary_key,
    fields,
    searchable,
    filterable: [...filterable],
    sortable: [...sortable],
    dates: [...fields.values()].filter((field) => field.type === "date"),
    ignoredVectors,
  }
}

/**
 * Engine settings an index definition can carry under `settings.provider_options.meilisearch`. Only
 * settings that do not break the contract are exposed; ranking rules, for one, must keep `sort` first.
 */
export const meilisearchIndexOptionsSchema = z
  .object({
    /** Words treated as equivalent, e.g. `{ "chè": ["trà"], "trà": ["chè"] }`. */
    synonyms: z.record(z.string(), z.array(z.string())).optional(),
    stop_words: z.array(z.string()).optional(),
    /** Extra words the tokenizer must keep whole. */
    dictionary: z.array(z.string()).optional(),
    separator_tokens: z.array(z.string()).optional(),
    non_separator_tokens: z.array(z.string()).optional(),
    /** ISO 639 languages of every searchable attribute, e.g. `["vie"]`; detected per document when omitted. */
    locales: z.array(z.string().min(2)).min(1).optional(),
    proximity_precision: z.enum(["byWord", "byAttribute"]).optional(),
  })
  .strict()

export type MeilisearchIndexOptions = z.infer<typeof meilisearchIndexOptionsSchema>

/**
 * The full settings of the index. Every managed setting is sent, reset to its default when the definition
 * does not set it, so a previous definition's settings never linger.
 */
export function buildIndexSettings(
  definition: Pick<SearchTypes.ResolvedSearchIndexDefinition, "name" | "settings">,
  schema: IndexSchema,
  limits: IndexLimits
): Settings {
  const options = readIndexOptions(definition)
  const distinct = definition.settings.distinct_attribute

  return {
    searchableAttributes: schema.searchable,
    filterableAttributes: schema.filterable,
    sortableAttributes: schema.sortable,
    rankingRules: RANKING_RULES,
    typoTolerance: buildTypoTolerance(definition, schema),
    distinctAttribute: distinct ? distinctAttribute(schema, distinct) : null,
    synonyms: options.synonyms ?? null,
    stopWords: options.stop_words ?? null,
    dictionary: options.dictionary ?? null,
    separatorTokens: options.separator_tokens ?? null,
    nonSeparatorTokens: options.non_separator_tokens ?? null,
    proximityPrecision: options.proximity_precision ?? "byWord",
    localizedAttributes: options.locales ? [{ attributePatterns: ["*"], locales: options.locales.map(toMeilisearchLocale) }] : null,
    pagination: { maxTotalHits: limits.maxTotalHits },
    // Counting first means a value facet's top values are the most frequent ones, as on Postgres.
    faceting: { maxValuesPerFacet: limits.maxValuesPerFacet, sortFacetValuesBy: { "*": "count" } },
  }
}

/**
 * Maps `settings.typo_tolerance`. Meilisearch allows no typo in a term shorter than `oneTypo` characters
 * and at most one in a term shorter than `twoTypos`, which is exactly Medusa's "shortest term length that
 * tolerates one (two) typo(s)", so the sizes carry over as they are. A size set on one side only is
 * reconciled with Meilisearch's default on the other, since Meilisearch rejects `oneTypo > twoTypos`.
 */
export function buildTypoTolerance(
  definition: Pick<SearchTypes.ResolvedSearchIndexDefinition, "name" | "settings">,
  schema: Pick<IndexSchema, "fields">
): TypoTolerance {
  const typo = definition.settings.typo_tolerance ?? {}
  const one = typo.min_word_size_for_one_typo
  const two = typo.min_word_size_for_two_typos

  for (const [name, value] of [
    ["min_word_size_for_one_typo", one],
    ["min_word_size_for_two_typos", two],
  ] as const) {
    // Meilisearch stores the sizes as bytes (0–255).
    if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > 255)) {
      throw notAllowed(definition.name, `settings.typo_tolerance.${name} must be a whole number between 0 and 255, got ${value}`)
    }
  }
  if (one !== undefined && two !== undefined && two < one) {
    throw notAllowed(
      definition.name,
      `settings.typo_tolerance.min_word_size_for_two_typos (${two}) cannot be lower than min_word_size_for_one_typo (${one})`
    )
  }

  for (const path of typo.disabled_on_attributes ?? []) {
    if (!schema.fields.has(path)) {
      throw notAllowed(definition.name, `settings.typo_tolerance.disabled_on_attributes references "${path}", which is not a field of the index`)
    }
  }

  const oneTypo = one ?? Math.min(DEFAULT_MIN_WORD_SIZE_FOR_ONE_TYPO, two ?? Infinity)
  const twoTypos = two ?? Math.max(DEFAULT_MIN_WORD_SIZE_FOR_TWO_TYPOS, oneTypo)

  return {
    enabled: typo.enabled ?? true,
    minWordSizeForTypos: { oneTypo, twoTypos },
    disableOnAttributes: typo.disabled_on_attributes ?? [],
  }
}

/**
 * The document as written, plus the `_medusa` object: the match counter and the epoch-milliseconds copy
 * of each date field. The caller's object is not modified.
 */
export function prepareDocument(document: SearchTypes.SearchDocument, schema: IndexSchema): Record<string, unknown> {
  assertDocumentId(document, schema)

  const dates: Record<string, unknown> = {}
  for (const field of schema.dates) {
    const values = readDocumentPath(document, field.path.split("."))
      .map((value) => searchValueToNumber(value, true))
      .filter((value): value is number => value !== undefined)
    if (values.length) {
      setDocumentPath(dates, field.path, field.array ? values : values[0])
    }
  }

  return {
    ...document,
    [RESERVED_ATTRIBUTE]: Object.keys(dates).length ? { match: 1, date: dates } : { match: 1 },
  }
}

/** Meilisearch ids are integers or strings of `a-z A-Z 0-9 - _` up to 511 bytes. */
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,511}$/

function assertDocumentId(document: SearchTypes.SearchDocument, schema: IndexSchema): void {
  const id = document[schema.primaryKey]
  const valid =
    (typeof id === "number" && Number.isSafeInteger(id) && id >= 0) ||
    (typeof id === "string" && DOCUMENT_ID.test(id) && Buffer.byteLength(id) <= 511)
  if (!valid) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `A document written to search index "${schema.name}" has an invalid primary key "${schema.primaryKey}" (${JSON.stringify(id)}): Meilisearch accepts integers and strings of letters, digits, "-" and "_"`
    )
  }
}

export function isSearchable(field: FieldDefinition): boolean {
  return field.searchable === true || typeof field.searchable === "object"
}

/**
 * Whether a field supports a facet kind, with the Search Module's defaults: `range` for numbers and
 * dates, `value` otherwise, `stats` only when asked for. Without a kind: whether it is facetable at all.
 */
export function isFacetable(field: FieldDefinition, kind?: FacetKind): boolean {
  if (!field.facetable) {
    return false
  }
  if (!kind) {
    return true
  }
  const numeric = field.type === "integer" || field.type === "float" || field.type === "date"
  const kinds = (typeof field.facetable === "object" ? field.facetable.types : undefined) ?? (numeric ? ["range"] : ["value"])
  return kinds.includes(kind)
}

/** The attribute to deduplicate by: it must be a single-valued field. */
export function distinctAttribute(schema: IndexSchema, path: string): string {
  const field = schema.fields.get(path)
  if (!field) {
    throw notAllowed(schema.name, `cannot deduplicate by "${path}", which is not a field of the index`)
  }
  if (field.array) {
    throw notAllowed(schema.name, `cannot deduplicate by array field "${path}"`)
  }
  return field.attribute
}

/** Meilisearch takes ISO 639 language codes; `vi-VN` and `vi_VN` are reduced to `vi`. */
export function toMeilisearchLocale(locale: string): string {
  return locale.split(/[-_]/)[0].toLowerCase()
}

function readIndexOptions(definition: Pick<SearchTypes.ResolvedSearchIndexDefinition, "name" | "settings">): MeilisearchIndexOptions {
  const parsed = meilisearchIndexOptionsSchema.safeParse(definition.settings.provider_options?.meilisearch ?? {})
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const keys = issue.code === "unrecognized_keys" ? issue.keys : []
      const path = [...issue.path, ...keys].join(".")
      const problem = issue.code === "unrecognized_keys" ? "is not a known option" : issue.message
      return path ? `"${path}" ${problem}` : problem
    })
    throw notAllowed(definition.name, `settings.provider_options.meilisearch is invalid: ${problems.join("; ")}`)
  }
  return parsed.data
}

function searchWeight(field: FieldDefinition): number {
  return typeof field.searchable === "object" ? (field.searchable.weight ?? 1) : 1
}

function notAllowed(index: string, message: string): MedusaError {
  return new MedusaError(MedusaError.Types.NOT_ALLOWED, `Search index "${index}" cannot be served by the Meilisearch provider: ${message}`)
}
