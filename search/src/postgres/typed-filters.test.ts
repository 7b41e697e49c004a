import type { SearchTypes } from "@medusajs/framework/types"
import { describe, expect, it } from "vitest"
import { listFacetColumns } from "./facet-table"
import { buildIndexPlan } from "./index-plan"
import { compileTypedFilters } from "./typed-filters"

const columns = listFacetColumns(
  buildIndexPlan({
    name: "product",
    physical_name: "product_v1",
    provider: "ocop-postgres",
    primary_key: "id",
    fields: {
      id: { type: "keyword", filterable: true },
      status: { type: "keyword", filterable: true },
      promoted: { type: "boolean", filterable: true },
      channels: { type: "keyword", array: true, filterable: true },
    },
    settings: {},
  } as unknown as SearchTypes.ResolvedSearchIndexDefinition)
)

describe("compileTypedFilters", () => {
  it("writes positive predicates plainly, so PostgreSQL can match them against a partial index's predicate", () => {
    const compiled = compileTypedFilters({ $and: [{ status: "published" }, { promoted: true }, { channels: { $overlaps: ["sc_1"] } }] }, columns)
    expect(compiled).toEqual({
      sql: `("f_status" IN (?) AND "f_promoted" IN (?) AND "f_channels" && ARRAY[?]::text[])`,
      params: ["published", true, "sc_1"],
    })
  })

  it("keeps documents without the field under a negation (NULL must read as FALSE there)", () => {
    expect(compileTypedFilters({ status: { $ne: "draft" } }, columns)?.sql).toBe(`NOT coalesce("f_status" IN (?), FALSE)`)
    expect(compileTypedFilters({ $not: { channels: ["sc_1"] } }, columns)?.sql).toBe(`NOT (coalesce("f_channels" && ARRAY[?]::text[], FALSE))`)
  })

  it("writes literals for an index predicate, quotes escaped", () => {
    expect(compileTypedFilters({ status: "it's", promoted: true }, columns, { inline: true })).toEqual({
      sql: `"f_status" IN ('it''s') AND "f_promoted" IN (TRUE)`,
      params: [],
    })
  })
})
