import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { isFacetable, type IndexPlan } from "./index-plan"

/** A facet request with its defaults resolved and its field checked against the index. */
export type FacetRequest =
  | { field: string; type: "value"; limit?: number; sort?: "count" | "alpha"; query?: string }
  | { field: string; type: "stats" }
  | { field: string; type: "range"; ranges: { key: string; from?: number; to?: number }[] }

function fail(message: string): never {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
}

const toNumber = (value: unknown) => (value === undefined ? undefined : Number(value))

/**
 * The Search Module's facet requests (a bare field name is a value facet) for this index: the field must be
 * facetable, stats and ranges need a number; a range without a key is named `from-to` with `*` for an open end.
 */
export function resolveFacetRequests(requests: readonly (SearchTypes.SearchFacetRequest | string)[] | undefined, plan: IndexPlan): FacetRequest[] {
  return (requests ?? []).map((raw) => {
    const request = (typeof raw === "string" ? { field: raw } : raw) as SearchTypes.SearchFacetRequest
    const planned = plan.fields.get(request.field)
    if (!planned || !isFacetable(planned.field)) fail(`Field "${request.field}" is not facetable on the ocop-postgres search provider`)
    if (request.type === "stats" || request.type === "range") {
      if (planned.kind !== "number") fail(`${request.type === "stats" ? "Stats" : "Range"} facets require a numeric field ("${request.field}")`)
    }
    if (request.type === "stats") return { field: request.field, type: "stats" }
    if (request.type === "range") {
      return {
        field: request.field,
        type: "range",
        ranges: request.ranges.map((range) => ({
          key: range.key ?? `${range.from ?? "*"}-${range.to ?? "*"}`,
          from: toNumber(range.from),
          to: toNumber(range.to),
        })),
      }
    }
    return { field: request.field, type: "value", limit: request.limit, sort: request.sort, query: request.query }
  })
}

/** Aggregates of one facet as the Search Module returns them. */
export function buildFacetResult(
  request: FacetRequest,
  data: {
    stats?: Record<"min" | "max" | "avg" | "sum", number | null> & { count: number }
    ranges?: number[]
    values?: { value: string; count: number }[]
  }
): SearchTypes.SearchFacetResult {
  if (request.type === "stats") {
    const s = data.stats!
    const optional = (v: number | null) => (v === null || v === undefined ? undefined : Number(v))
    return {
      type: "stats",
      min: Number(s.min ?? 0),
      max: Number(s.max ?? 0),
      avg: optional(s.avg),
      sum: optional(s.sum),
      count: Number(s.count ?? 0),
    }
  }
  if (request.type === "range") {
    return {
      type: "range",
      ranges: request.ranges.map((range, k) => ({ key: range.key, from: range.from, to: range.to, count: Number(data.ranges?.[k] ?? 0) })),
    }
  }
  return { type: "value", values: (data.values ?? []).map((v) => ({ value: String(v.value), count: Number(v.count) })) }
}
