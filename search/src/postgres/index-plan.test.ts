import type { SearchTypes } from "@medusajs/framework/types"
import { describe, expect, it } from "vitest"
import { projectStoredDocument } from "./documents"
import { buildIndexPlan, deserializePlan, documentTableName, serializePlan } from "./index-plan"

const definition = (fields: Record<string, SearchTypes.SearchFieldDefinition>, settings = {}) =>
  ({
    name: "product",
    physical_name: "product_v2",
    provider: "ocop-postgres",
    primary_key: "id",
    fields,
    settings,
  }) as unknown as SearchTypes.ResolvedSearchIndexDefinition

const fields: Record<string, SearchTypes.SearchFieldDefinition> = {
  id: { type: "keyword", filterable: true },
  title: { type: "text", searchable: { weight: 3 } },
  price: { type: "float", filterable: true, sortable: true },
  created_at: { type: "date", sortable: true, searchable: true },
  variants: { type: "object", array: true, fields: { sku: { type: "keyword", searchable: true, filterable: true } } },
}

describe("buildIndexPlan", () => {
  it("flattens nested lists into list leaves and keeps the searchable paths in definition order", () => {
    const plan = buildIndexPlan(definition(fields))
    expect(plan.fields.get("variants.sku")).toMatchObject({ kind: "keyword", is_array: true })
    expect(plan.fields.get("created_at")).toMatchObject({ kind: "number", is_date: true })
    expect(plan.searchable).toEqual(["title", "created_at", "variants.sku"])
  })

  it("survives the catalogue's round trip with the same fingerprint, so a kept table is not rebuilt", () => {
    const plan = buildIndexPlan(definition(fields))
    expect(deserializePlan(serializePlan(plan)).schema_hash).toBe(plan.schema_hash)
    const reweighted = buildIndexPlan(definition({ ...fields, title: { type: "text", searchable: true } }))
    expect(reweighted.schema_hash).not.toBe(plan.schema_hash)
  })

  it("refuses what it cannot answer and leaves vectors out with a warning", () => {
    expect(() => buildIndexPlan(definition({ ...fields, at: { type: "geo", filterable: true } }))).toThrow(/does not support fields of type "geo"/)
    expect(() => buildIndexPlan(definition(fields, { distinct_attribute: "title" }))).toThrow(/does not deduplicate/)
    const warnings: string[] = []
    const plan = buildIndexPlan(definition({ ...fields, embedding: { type: "vector", dimensions: 3 } }), {
      warn: (m: string) => warnings.push(m),
    } as any)
    expect(plan.fields.has("embedding")).toBe(false)
    expect(warnings).toEqual([expect.stringContaining('"embedding"')])
  })

  it("names the table after the physical index", () => {
    expect(documentTableName("Product-v2.1")).toBe("search_pg_product_v2_1")
  })
})

describe("projectStoredDocument", () => {
  it("stores typed leaves and the words of each searchable field under its weight (dates are not words)", () => {
    const plan = buildIndexPlan(definition(fields))
    const stored = projectStoredDocument(
      { id: "p1", title: "Mật ong", price: "120000", created_at: "2026-01-02T00:00:00Z", variants: [{ sku: "A" }, { sku: "B" }] },
      plan
    )
    expect(stored.indexed).toEqual({
      id: "p1",
      title: "Mật ong",
      price: 120000,
      created_at: Date.parse("2026-01-02T00:00:00Z"),
      variants: { sku: ["A", "B"] },
    })
    expect(stored.texts).toEqual([
      { text: "Mật ong", weight: "A" },
      { text: "A B", weight: "D" },
    ])
    // @ts-expect-error a document without its id, on purpose: the projection must refuse it at run time too
    expect(() => projectStoredDocument({ title: "x" }, plan)).toThrow(/missing its primary key "id"/)
  })
})
