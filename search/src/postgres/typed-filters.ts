import { MedusaError } from "@medusajs/framework/utils"
import type { FacetColumn } from "./facet-table"

export type SqlFragment = { sql: string; params: unknown[] }

function fail(message: string): never {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
}

function castScalar(column: FacetColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null
  switch (column.planned.kind) {
    case "number": {
      const num = value instanceof Date ? value.getTime() : Number(value)
      if (Number.isNaN(num)) fail(`Cannot cast filter value for "${column.path}" to a number`)
      return num
    }
    case "boolean":
      return typeof value === "boolean" ? value : value === "true" ? true : value === "false" ? false : Boolean(value)
    default:
      return String(value)
  }
}

/** An SQL literal for a cast filter value: for DDL (an index predicate), which cannot take parameters. */
function sqlLiteral(value: unknown): string {
  if (value === null) return "NULL"
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE"
  if (typeof value === "number") {
    if (!Number.isFinite(value)) fail(`Cannot write ${value} as an SQL literal`)
    return String(value)
  }
  return `'${String(value).replace(/'/g, "''")}'`
}

/**
 * Medusa's search filter language (the stock provider's `toWhereClause`) compiled against the typed columns of
 * the facet table instead of jsonb, with the same meaning: a bare value or list means "equals any" (on arrays
 * "contains any"), equality with null means the field is absent, and a negation matches documents that lack
 * the field. Placeholders are one `?` per value: MikroORM inlines a bound array into invalid SQL; with
 * `inline`, values are written as literals instead (an index predicate).
 *
 * Outside a negation a predicate is written plainly (`"f_status" IN (?)`): NULL and FALSE both drop the row
 * there, and the plain form is what PostgreSQL can match against a partial index's predicate (the provider's
 * store-filter text index). Under a negation it is wrapped in `coalesce(…, FALSE)`, like the stock provider's
 * jsonb containment, so NOT keeps documents without the field.
 */
export function compileTypedFilters(
  filters: Record<string, unknown> | undefined,
  columns: FacetColumn[],
  { inline = false }: { inline?: boolean } = {}
): SqlFragment | undefined {
  if (!filters) return undefined
  const byPath = new Map(columns.map((c) => [c.path, c]))
  const params: unknown[] = []
  const bind = (value: unknown) => {
    if (inline) return sqlLiteral(value)
    params.push(value)
    return "?"
  }
  const typedArray = (column: FacetColumn, values: unknown[]) =>
    `ARRAY[${values.map((v) => bind(castScalar(column, v))).join(", ")}]::${column.sqlType}`
  const total = (predicate: string, negated: boolean) => (negated ? `coalesce(${predicate}, FALSE)` : predicate)

  const anyOf = (column: FacetColumn, values: unknown[], negated: boolean): string => {
    if (!values.length) return "FALSE"
    const present = values.filter((v) => v !== null && v !== undefined)
    const parts: string[] = []
    if (present.length < values.length) parts.push(`"${column.name}" IS NULL`)
    if (present.length) {
      parts.push(
        column.planned.is_array
          ? total(`"${column.name}" && ${typedArray(column, present)}`, negated)
          : total(`"${column.name}" IN (${present.map((v) => bind(castScalar(column, v))).join(", ")})`, negated)
      )
    }
    return parts.length === 1 ? parts[0] : `(${parts.join(" OR ")})`
  }
  const compare = (column: FacetColumn, operator: string, value: unknown) => {
    if (column.planned.is_array) fail(`Operator "${operator}" is not supported on array field "${column.path}"`)
    return `"${column.name}" ${operator} ${bind(castScalar(column, value))}`
  }
  const list = (value: unknown) => (Array.isArray(value) ? value : [value])

  const fieldPredicate = (path: string, raw: unknown, negated: boolean): string => {
    const column = byPath.get(path) ?? fail(`Unknown filter field "${path}" on the postgres search provider`)
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return anyOf(column, list(raw), negated)
    const operators = raw as Record<string, unknown>
    const keys = Object.keys(operators).filter((key) => key.startsWith("$"))
    if (!keys.length) fail(`Empty operator map on filter field "${path}"`)
    const parts = keys.map((operator) => {
      const value = operators[operator]
      switch (operator) {
        case "$eq":
          return anyOf(column, [value], negated)
        case "$ne":
          return value === null || value === undefined ? `"${column.name}" IS NOT NULL` : `NOT ${anyOf(column, [value], true)}`
        case "$in":
          return anyOf(column, list(value), negated)
        case "$nin":
          return `NOT ${anyOf(column, list(value), true)}`
        case "$gt":
          return compare(column, ">", value)
        case "$gte":
          return compare(column, ">=", value)
        case "$lt":
          return compare(column, "<", value)
        case "$lte":
          return compare(column, "<=", value)
        case "$exists":
          return `"${column.name}" IS ${value ? "NOT NULL" : "NULL"}`
        case "$contains":
        case "$overlaps":
          if (!column.planned.is_array) fail(`Operator ${operator} on "${path}" needs an array field`)
          return operator === "$contains"
            ? total(`"${column.name}" @> ${typedArray(column, list(value))}`, negated)
            : anyOf(column, list(value), negated)
        case "$prefix":
        case "$like":
          if (column.planned.is_array) fail(`Operator "${operator}" is not supported on array field "${path}"`)
          return `"${column.name}"::text LIKE ${bind(operator === "$prefix" ? `${String(value)}%` : String(value))}`
        default:
          return fail(`The postgres search provider does not support operator "${operator}" on "${path}"`)
      }
    })
    return parts.length === 1 ? parts[0] : `(${parts.join(" AND ")})`
  }

  // `negated`: somewhere under a NOT, where a NULL predicate must read as FALSE.
  const compile = (branch: Record<string, unknown>, negated: boolean): string => {
    const parts: string[] = []
    for (const [key, value] of Object.entries(branch)) {
      if (key === "q") continue
      if (key === "$and" || key === "$or") {
        const nested = ((value ?? []) as Record<string, unknown>[]).map((member) => compile(member, negated)).filter(Boolean)
        if (nested.length) parts.push(`(${nested.join(key === "$and" ? " AND " : " OR ")})`)
      } else if (key === "$not") {
        const nested = compile(value as Record<string, unknown>, true)
        if (nested) parts.push(`NOT (${nested})`)
      } else {
        parts.push(fieldPredicate(key, value, negated))
      }
    }
    return parts.join(" AND ")
  }
  const sql = compile(filters, false)
  return sql ? { sql, params } : undefined
}
