/**
 * Compiles the Search Module's provider-agnostic filter tree into a Meilisearch filter expression.
 *
 * Semantics follow the reference `search-postgres` provider wherever Meilisearch can express them:
 * - a bare value on an array field means "the array contains this value" (Meilisearch's `=` already
 *   works that way on arrays);
 * - `null` and `$exists: false` mean "absent": a missing attribute, an explicit `null`, or (arrays) an empty
 *   array, because the Postgres provider never indexes nulls or empty arrays;
 * - `$ne` and `$nin` also match documents without the field;
 * - empty `$and` / `$or` / `$not` branches constrain nothing.
 *
 * Where Meilisearch differs and nothing can be done about it, the difference is inherent to the engine:
 * string equality (`=`, `IN`) is case-insensitive in Meilisearch, while Postgres compares exactly.
 *
 * Anything Meilisearch cannot express is rejected with an error naming the operator, never approximated.
 */
import { MedusaError, searchValueToBoolean } from "@medusajs/framework/utils"
import type { SearchTypes } from "@medusajs/framework/types"

/** What the translator needs to know about a filterable field. */
export type FilterFieldInfo = {
  /** The declared field type; it decides how a filter value is coerced. */
  type: SearchTypes.SearchFieldKind
  /** Whether the field holds several values (`.array()`, or a leaf under an array of objects). */
  array?: boolean
  /**
   * The Meilisearch attribute that holds the filterable value, when it is not the field path itself. Dates
   * are filtered on a numeric epoch-milliseconds shadow attribute, since Meilisearch compares numbers only.
   */
  attribute?: string
}

/** Field information keyed by the field's dotted path in the index. */
export type FilterSchema = ReadonlyMap<string, FilterFieldInfo>

export type TranslateFiltersOptions = {
  /**
   * The fields of the index. Without it, values are formatted from their JavaScript type and no
   * array-only operator can be checked, which is what a delete without a definition has to live with.
   */
  schema?: FilterSchema
  /**
   * Allow `$prefix` and `$like`, which compile to `STARTS WITH` / `CONTAINS`. Those operators are behind
   * Meilisearch's experimental `containsFilter` feature, so they are rejected unless it is enabled.
   */
  containsFilter?: boolean
}

/**
 * A compiled expression. Compound expressions (several parts joined by AND / OR) get parenthesised when
 * nested in another one, so the output never relies on Meilisearch's operator precedence.
 */
type Expression = { text: string; compound: boolean }

type ResolvedField = { path: string; attribute: string; info?: FilterFieldInfo }

const COMPARISONS = { $gt: ">", $gte: ">=", $lt: "<", $lte: "<=" } as const

/** Meilisearch keywords: an attribute spelled like one must be quoted. */
const FILTER_KEYWORDS = new Set([
  "AND",
  "OR",
  "IN",
  "NOT",
  "TO",
  "EXISTS",
  "IS",
  "NULL",
  "EMPTY",
  "CONTAINS",
  "STARTS",
  "WITH",
  "_geoRadius",
  "_geoBoundingBox",
])

/** Characters Meilisearch accepts in an unquoted word (`alphanumeric | _ | - | .`). */
const UNQUOTED_WORD = /^[\p{L}\p{N}_.-]+$/u

/**
 * Translates `filters` into a Meilisearch filter string, or `undefined` when nothing is constrained.
 *
 * @example
 * translateFilters({ status: "published", stars: { $gte: 4 } }) // 'status = "published" AND stars >= 4'
 */
export function translateFilters(filters: SearchTypes.SearchFilters | undefined, options: TranslateFiltersOptions = {}): string | undefined {
  if (filters === undefined || filters === null) {
    return undefined
  }
  return compileBranch(filters, options, "")?.text
}

/**
 * ANDs already compiled filter strings, skipping the undefined ones. Each part is parenthesised, so
 * strings compiled separately can be combined without reparsing them.
 */
export function andFilters(...filters: (string | undefined)[]): string | undefined {
  const present = filters.filter((filter): filter is string => !!filter)
  if (present.length <= 1) {
    return present[0]
  }
  return present.map((filter) => `(${filter})`).join(" AND ")
}

/**
 * Quotes a string for a Meilisearch filter. Meilisearch first unescapes `\"` inside a double-quoted
 * value and then processes backslash escapes, so both the backslash and the quote are escaped.
 */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`
}

/** Spells an attribute name, quoting it when Meilisearch would not read it as a single word. */
export function formatAttribute(attribute: string): string {
  if (!attribute) {
    throw invalid("A filter field name cannot be empty")
  }
  return UNQUOTED_WORD.test(attribute) && !FILTER_KEYWORDS.has(attribute) ? attribute : quoteFilterValue(attribute)
}

function compileBranch(branch: unknown, options: TranslateFiltersOptions, prefix: string): Expression | undefined {
  if (!isPlainObject(branch)) {
    throw invalid(`Expected a filter object${prefix ? ` under "${prefix}"` : ""}, got ${describe(branch)}`)
  }

  const parts: Expression[] = []
  for (const [key, value] of Object.entries(branch)) {
    // `q` is lifted out by the Search Module before a provider sees the filters; tolerate a stray one.
    if (value === undefined || key === "q") {
      continue
    }

    if (key === "$and" || key === "$or") {
      if (!Array.isArray(value)) {
        throw invalid(`"${key}" expects an array of filter objects, got ${describe(value)}`)
      }
      const nested = value.map((child) => compileBranch(child, options, prefix)).filter(isDefined)
      const joined = join(nested, key === "$and" ? "AND" : "OR")
      if (joined) {
        parts.push(joined)
      }
      continue
    }

    if (key === "$not") {
      const nested = compileBranch(value, options, prefix)
      if (nested) {
        parts.push(negate(nested))
      }
      continue
    }

    if (key.startsWith("$")) {
      throw unsupportedOperator(key, prefix || undefined)
    }

    const path = prefix ? `${prefix}.${key}` : key
    if (isNestedFilterObject(value, path, options.schema)) {
      // `{ producer: { id: "p_1" } }` is shorthand for `{ "producer.id": "p_1" }`.
      const nested = compileBranch(value, options, path)
      if (nested) {
        parts.push(nested)
      }
      continue
    }

    const compiled = compileField(resolveField(path, options.schema), value, options)
    if (compiled) {
      parts.push(compiled)
    }
  }

  return join(parts, "AND")
}

function compileField(field: ResolvedField, raw: unknown, options: TranslateFiltersOptions): Expression | undefined {
  if (raw === null || !isPlainObject(raw)) {
    // A bare value, or a list meaning "any of these" (on arrays: "contains any of these").
    return Array.isArray(raw) ? anyOf(field, raw) : equals(field, raw)
  }

  const entries = Object.entries(raw).filter(([, value]) => value !== undefined)
  if (!entries.length) {
    throw invalid(`Empty operator map on filter field "${field.path}"`)
  }

  const parts = entries.map(([operator, value]) => compileOperator(field, operator, value, options)).filter(isDefined)
  return join(parts, "AND")
}

function compileOperator(field: ResolvedField, operator: string, value: unknown, options: TranslateFiltersOptions): Expression | undefined {
  const attribute = formatAttribute(field.attribute)

  switch (operator) {
    case "$eq":
      return equals(field, value)

    case "$ne":
      // Meilisearch's `!=` selects every document `=` does not, including those without the field,
      // which is what Postgres does too.
      return value === null ? present(field) : atom(`${attribute} != ${literal(field, value)}`)

    case "$in":
      return anyOf(field, asList(value))

    case "$nin":
      return noneOf(field, asList(value))

    case "$gt":
    case "$gte":
    case "$lt":
    case "$lte": {
      if (value === null || Array.isArray(value)) {
        throw invalid(`Operator "${operator}" on "${field.path}" needs a single value, got ${describe(value)}`)
      }
      return atom(`${attribute} ${COMPARISONS[operator]} ${literal(field, value)}`)
    }

    case "$exists":
      if (typeof value !== "boolean") {
        throw invalid(`Operator "$exists" on "${field.path}" expects true or false, got ${describe(value)}`)
      }
      return value ? present(field) : absent(field)

    case "$contains": {
      assertArrayField(field, operator)
      const values = asList(value)
      assertNoNull(field, operator, values)
      // Containing every one of zero values constrains nothing.
      return join(
        unique(values.map((entry) => literal(field, entry))).map((text) => atom(`${attribute} = ${text}`)),
        "AND"
      )
    }

    case "$overlaps": {
      assertArrayField(field, operator)
      const values = asList(value)
      assertNoNull(field, operator, values)
      return anyOf(field, values)
    }

    case "$prefix": {
      assertContainsFilter(field, operator, options)
      assertScalarStringField(field, operator)
      if (typeof value !== "string") {
        throw invalid(`Operator "$prefix" on "${field.path}" expects a string, got ${describe(value)}`)
      }
      return atom(`${attribute} STARTS WITH ${quoteFilterValue(value)}`)
    }

    case "$like":
      return like(field, value, options)

    default:
      throw unsupportedOperator(operator, field.path)
  }
}

/**
 * `$like` takes an SQL LIKE pattern (`%` any run of characters, `_` one character, `\` escapes). Meilisearch
 * can express three shapes of it: a literal, a prefix (`abc%`) and a substring (`%abc%`). Every other
 * pattern is rejected rather than approximated.
 */
function like(field: ResolvedField, value: unknown, options: TranslateFiltersOptions): Expression {
  if (typeof value !== "string") {
    throw invalid(`Operator "$like" on "${field.path}" expects a string pattern, got ${describe(value)}`)
  }
  assertScalarStringField(field, "$like")

  const pattern = parseLikePattern(value)
  if (!pattern) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `The Meilisearch search provider cannot express the $like pattern ${JSON.stringify(value)} on "${field.path}": only "text", "text%" and "%text%" are supported`
    )
  }

  const attribute = formatAttribute(field.attribute)
  switch (pattern.kind) {
    case "exact":
      return atom(`${attribute} = ${quoteFilterValue(pattern.text)}`)
    case "any":
      return present(field)
    case "prefix":
      assertContainsFilter(field, "$like", options)
      return atom(`${attribute} STARTS WITH ${quoteFilterValue(pattern.text)}`)
    case "contains":
      assertContainsFilter(field, "$like", options)
      return atom(`${attribute} CONTAINS ${quoteFilterValue(pattern.text)}`)
  }
}

type LikePattern = { kind: "exact" | "prefix" | "contains" | "any"; text: string }

/** Reads a LIKE pattern into one of the shapes Meilisearch can express, or `undefined`. */
export function parseLikePattern(pattern: string): LikePattern | undefined {
  // Split into literal text and wildcards, honouring backslash escapes like Postgres' default ESCAPE.
  const tokens: ({ wildcard: "%" | "_" } | { text: string })[] = []
  let text = ""
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]
    if (char === "\\" && i + 1 < pattern.length) {
      text += pattern[++i]
      continue
    }
    if (char === "%" || char === "_") {
      if (text) {
        tokens.push({ text })
        text = ""
      }
      tokens.push({ wildcard: char })
      continue
    }
    text += char
  }
  if (text) {
    tokens.push({ text })
  }

  if (tokens.some((token) => "wildcard" in token && token.wildcard === "_")) {
    return undefined
  }
  const literals = tokens.filter((token): token is { text: string } => "text" in token)
  if (literals.length === 0) {
    return tokens.length ? { kind: "any", text: "" } : { kind: "exact", text: "" }
  }
  if (literals.length > 1) {
    return undefined
  }

  const index = tokens.indexOf(literals[0])
  const leading = index > 0
  const trailing = index < tokens.length - 1
  if (!leading && !trailing) {
    return { kind: "exact", text: literals[0].text }
  }
  if (!leading && trailing) {
    return { kind: "prefix", text: literals[0].text }
  }
  if (leading && trailing) {
    return { kind: "contains", text: literals[0].text }
  }
  // `%abc` needs an "ends with" operator, which Meilisearch does not have.
  return undefined
}

function equals(field: ResolvedField, value: unknown): Expression {
  if (value === null) {
    return absent(field)
  }
  return atom(`${formatAttribute(field.attribute)} = ${literal(field, value)}`)
}

/** The field equals (or, on arrays, contains) one of `values`; a `null` among them means "or absent". */
function anyOf(field: ResolvedField, values: unknown[]): Expression {
  const attribute = formatAttribute(field.attribute)
  if (!values.length) {
    // An empty list matches nothing, and `IN []` is how Meilisearch says so.
    return atom(`${attribute} IN []`)
  }

  const literals = unique(values.filter((value) => value !== null).map((value) => literal(field, value)))
  const parts: Expression[] = []
  if (literals.length === 1) {
    parts.push(atom(`${attribute} = ${literals[0]}`))
  } else if (literals.length > 1) {
    parts.push(atom(`${attribute} IN [${literals.join(", ")}]`))
  }
  if (values.some((value) => value === null)) {
    parts.push(absent(field))
  }
  return join(parts, "OR")!
}

/**
 * The negation of `anyOf`: documents without the field match too, unless `null` is among the excluded
 * values. Excluding nothing constrains nothing.
 */
function noneOf(field: ResolvedField, values: unknown[]): Expression | undefined {
  const attribute = formatAttribute(field.attribute)
  const literals = unique(values.filter((value) => value !== null).map((value) => literal(field, value)))
  const parts: Expression[] = []
  if (literals.length) {
    parts.push(atom(`${attribute} NOT IN [${literals.join(", ")}]`))
  }
  if (values.some((value) => value === null)) {
    parts.push(present(field))
  }
  return join(parts, "AND")
}

/**
 * Absent means missing, explicitly `null`, or (on arrays) empty. An empty string is not absent: Postgres
 * indexes `""` as a value, so `IS EMPTY` is only used where the field is known to be an array.
 */
function absent(field: ResolvedField): Expression {
  const attribute = formatAttribute(field.attribute)
  const parts = [atom(`${attribute} NOT EXISTS`), atom(`${attribute} IS NULL`)]
  if (field.info?.array) {
    parts.push(atom(`${attribute} IS EMPTY`))
  }
  return join(parts, "OR")!
}

/** Present means set to something other than `null` (and, on arrays, not empty). */
function present(field: ResolvedField): Expression {
  const attribute = formatAttribute(field.attribute)
  const parts = [atom(`${attribute} EXISTS`), atom(`${attribute} IS NOT NULL`)]
  if (field.info?.array) {
    parts.push(atom(`${attribute} IS NOT EMPTY`))
  }
  return join(parts, "AND")!
}

/** Formats a comparison value according to the field's declared type. */
function literal(field: ResolvedField, value: unknown): string {
  if (value === null || value === undefined || (typeof value === "object" && !(value instanceof Date))) {
    throw invalid(`Cannot filter "${field.path}" by ${describe(value)}`)
  }

  switch (field.info?.type) {
    case "date":
      return formatNumber(toEpochMilliseconds(field, value), field)
    case "integer":
    case "float":
      return formatNumber(toNumber(field, value), field)
    case "boolean":
      return String(searchValueToBoolean(value))
    case "keyword":
    case "text":
      return quoteFilterValue(value instanceof Date ? value.toISOString() : String(value))
    case undefined:
      // No schema: trust the value's own type.
      if (typeof value === "number") {
        return formatNumber(value, field)
      }
      if (typeof value === "boolean") {
        return String(value)
      }
      if (value instanceof Date) {
        return formatNumber(value.getTime(), field)
      }
      return quoteFilterValue(String(value))
    default:
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The Meilisearch search provider cannot filter on "${field.path}", a ${field.info!.type} field`
      )
  }
}

/** Dates are compared as epoch milliseconds: a `Date`, a number, or a string that parses as either. */
function toEpochMilliseconds(field: ResolvedField, value: unknown): number {
  if (value instanceof Date) {
    return value.getTime()
  }
  if (typeof value === "number") {
    return value
  }
  if (typeof value === "string" && value.trim()) {
    const numeric = Number(value)
    const parsed = Number.isNaN(numeric) ? Date.parse(value) : numeric
    if (!Number.isNaN(parsed)) {
      return parsed
    }
  }
  throw invalid(`Cannot filter date field "${field.path}" by ${describe(value)}: pass a Date or epoch milliseconds`)
}

function toNumber(field: ResolvedField, value: unknown): number {
  const number = typeof value === "number" ? value : typeof value === "string" && value.trim() ? Number(value) : NaN
  if (Number.isNaN(number)) {
    throw invalid(`Cannot filter numeric field "${field.path}" by ${describe(value)}`)
  }
  return number
}

function formatNumber(value: number, field: ResolvedField): string {
  if (!Number.isFinite(value)) {
    throw invalid(`Cannot filter "${field.path}" by ${value}: Meilisearch only compares finite numbers`)
  }
  const text = String(value)
  // An exponent (`1e+21`) contains a "+", which is not part of an unquoted Meilisearch word; quoted, it is
  // still read as a number.
  return /e/i.test(text) ? quoteFilterValue(text) : text
}

function resolveField(path: string, schema: FilterSchema | undefined): ResolvedField {
  const info = schema?.get(path)
  if (info && ["object", "vector", "geo"].includes(info.type)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The Meilisearch search provider cannot filter on "${path}", a ${info.type} field`)
  }
  return { path, attribute: info?.attribute ?? path, info }
}

/**
 * An object value without operators is a nested filter (`{ producer: { id: "p_1" } }`), unless the path
 * is a declared leaf, where it can only be a malformed operator map.
 */
function isNestedFilterObject(value: unknown, path: string, schema: FilterSchema | undefined): boolean {
  if (!isPlainObject(value)) {
    return false
  }
  const keys = Object.keys(value)
  const operators = keys.filter((key) => key.startsWith("$"))
  if (operators.length && operators.length !== keys.length) {
    throw invalid(
      `Filter field "${path}" mixes operators (${operators.join(", ")}) with nested fields (${keys.filter((key) => !key.startsWith("$")).join(", ")})`
    )
  }
  return !operators.length && keys.length > 0 && !schema?.has(path)
}

function assertArrayField(field: ResolvedField, operator: string): void {
  if (field.info && !field.info.array) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Operator "${operator}" on "${field.path}" needs an array field`)
  }
}

function assertScalarStringField(field: ResolvedField, operator: string): void {
  if (field.info?.array) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Operator "${operator}" is not supported on array field "${field.path}"`)
  }
  if (field.info && field.info.type !== "keyword" && field.info.type !== "text") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Operator "${operator}" needs a text or keyword field, but "${field.path}" is a ${field.info.type} field`
    )
  }
}

function assertContainsFilter(field: ResolvedField, operator: string, options: TranslateFiltersOptions): void {
  if (!options.containsFilter) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `The Meilisearch search provider does not support operator "${operator}" (on "${field.path}") unless Meilisearch's experimental "containsFilter" feature is enabled on the server and the provider option "experimental_contains_filter" is set to true`
    )
  }
}

function assertNoNull(field: ResolvedField, operator: string, values: unknown[]): void {
  if (values.some((value) => value === null)) {
    throw invalid(`Operator "${operator}" on "${field.path}" cannot match null`)
  }
}

function unsupportedOperator(operator: string, path: string | undefined): MedusaError {
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `The Meilisearch search provider does not support operator "${operator}"${path ? ` (on "${path}")` : ""}`
  )
}

function invalid(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

function atom(text: string): Expression {
  return { text, compound: false }
}

function join(parts: Expression[], operator: "AND" | "OR"): Expression | undefined {
  if (parts.length <= 1) {
    return parts[0]
  }
  return { text: parts.map(parenthesise).join(` ${operator} `), compound: true }
}

function negate(expression: Expression): Expression {
  return atom(`NOT ${parenthesise(expression)}`)
}

function parenthesise(expression: Expression): string {
  return expression.compound ? `(${expression.text})` : expression.text
}

/** `$in` and friends take a list, but a single value is accepted as a list of one, as Postgres does. */
function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value]
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)]
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

function describe(value: unknown): string {
  if (value instanceof Date) {
    return `the date ${value.toISOString()}`
  }
  if (Array.isArray(value)) {
    return "an array"
  }
  return value === null ? "null" : typeof value === "object" ? "an object" : JSON.stringify(value)
}
