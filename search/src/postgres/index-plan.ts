import { createHash } from "node:crypto"
import type { Logger, SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

type FieldDefinition = SearchTypes.SearchFieldDefinition
type Definition = SearchTypes.ResolvedSearchIndexDefinition

/** How a leaf is stored and compared: dates are numbers (epoch ms), as Medusa's providers store them. */
export type FieldKind = "text" | "keyword" | "number" | "boolean"

/** One leaf field of an index, by dotted path; a leaf under an array of objects is itself a list. */
export type PlannedField = { path: string; kind: FieldKind; is_array: boolean; is_date: boolean; field: FieldDefinition }

export type IndexPlan = {
  primary_key: string
  /** Leaves by path, in definition order (the order their words enter the text vector). */
  fields: Map<string, PlannedField>
  /** Paths whose text is matched by a keyword query. */
  searchable: string[]
  /** A fingerprint of everything the stored rows depend on: a different one means the table is rebuilt. */
  schema_hash: string
}

/** The table the provider keeps its indexes in (one row per physical index); created by our migration. */
export const CATALOG_TABLE = "search_postgres_index"

function fail(message: string): never {
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, message)
}

export const isSearchable = (field: FieldDefinition) => field.searchable === true || typeof field.searchable === "object"
export const isFacetable = (field: FieldDefinition) => field.facetable === true || typeof field.facetable === "object"

const KINDS: Partial<Record<SearchTypes.SearchFieldKind, FieldKind>> = {
  text: "text",
  keyword: "keyword",
  integer: "number",
  float: "number",
  date: "number",
  boolean: "boolean",
}

function fingerprint(primaryKey: string, fields: PlannedField[]) {
  const shape = fields.map((f) => [
    f.path,
    f.kind,
    f.is_array,
    f.is_date,
    isSearchable(f.field) ? weightLabel(f.field.searchable) : null,
    !!f.field.filterable,
    !!f.field.sortable,
    isFacetable(f.field),
  ])
  return createHash("sha256")
    .update(JSON.stringify([primaryKey, shape]))
    .digest("hex")
}

/**
 * Flattens a definition into its leaves (`producer.name`, lists of objects collapsing to lists of leaves).
 * Geo fields are refused: nothing here could answer a geo filter. Vector fields are left out with a warning, as
 * Medusa's providers do on engines without vectors, so one definition still serves every provider.
 */
export function buildIndexPlan(definition: Definition, logger?: Pick<Logger, "warn">): IndexPlan {
  const fields = new Map<string, PlannedField>()
  const ignoredVectors: string[] = []
  const walk = (group: Record<string, FieldDefinition>, prefix: string, inArray: boolean) => {
    for (const [name, field] of Object.entries(group)) {
      const path = prefix ? `${prefix}.${name}` : name
      const isArray = inArray || field.array === true
      if (field.type === "object") {
        if (field.fields) walk(field.fields, path, isArray)
        continue
      }
      if (field.type === "vector") {
        ignoredVectors.push(path)
        continue
      }
      const kind = KINDS[field.type] ?? fail(`The ocop-postgres search provider does not support fields of type "${field.type}" ("${path}")`)
      fields.set(path, { path, kind, is_array: isArray, is_date: field.type === "date", field })
    }
  }
  walk(definition.fields as Record<string, FieldDefinition>, "", false)
  if (definition.settings?.distinct_attribute) {
    fail(`The ocop-postgres search provider does not deduplicate results (settings.distinct_attribute on "${definition.name}")`)
  }
  if (ignoredVectors.length) {
    logger?.warn(
      `The ocop-postgres search provider does not search vectors; ignoring ${ignoredVectors.map((p) => `"${p}"`).join(", ")} on search index "${definition.name}"`
    )
  }
  const leaves = [...fields.values()]
  return {
    primary_key: definition.primary_key,
    fields,
    searchable: leaves.filter((f) => isSearchable(f.field)).map((f) => f.path),
    schema_hash: fingerprint(definition.primary_key, leaves),
  }
}

/**
 * The catalogue's `plan` column. Its shape is the one Medusa's PostgreSQL provider stores, so a database can move
 * between the two providers without losing its indexes.
 */
export function serializePlan(plan: IndexPlan): string {
  return JSON.stringify({
    primary_key: plan.primary_key,
    searchable: plan.searchable,
    vectors: [],
    schema_hash: plan.schema_hash,
    fields: [...plan.fields.values()].map(({ path, kind, is_array, is_date, field }) => ({ path, kind, is_array, is_date, field })),
  })
}

/**
 * Reads a stored plan, ours or one Medusa's provider wrote (which may hold vector leaves: skipped). The
 * fingerprint is recomputed from the fields rather than trusted, so a table built by the other provider with the
 * same fields is kept instead of being rebuilt empty.
 */
export function deserializePlan(raw: unknown): IndexPlan {
  const data = (typeof raw === "string" ? JSON.parse(raw) : raw) as {
    primary_key: string
    fields: { path: string; kind: string; is_array: boolean; is_date: boolean; field: FieldDefinition }[]
  }
  const leaves: PlannedField[] = data.fields
    .filter((entry) => entry.kind in { text: 1, keyword: 1, number: 1, boolean: 1 })
    .map((entry) => ({ path: entry.path, kind: entry.kind as FieldKind, is_array: !!entry.is_array, is_date: !!entry.is_date, field: entry.field }))
  return {
    primary_key: data.primary_key,
    fields: new Map(leaves.map((f) => [f.path, f])),
    searchable: leaves.filter((f) => isSearchable(f.field)).map((f) => f.path),
    schema_hash: fingerprint(data.primary_key, leaves),
  }
}

/**
 * A field's weight as a PostgreSQL `setweight` class: 3 and more is A, 2 B, between 1 and 2 C, 1 (the default) D.
 * `ts_rank_cd` counts an A match ten times a D match, so a title outranks a description.
 */
export function weightLabel(searchable: FieldDefinition["searchable"]): "A" | "B" | "C" | "D" {
  const weight = typeof searchable === "object" && searchable.weight !== undefined ? searchable.weight : 1
  return weight >= 3 ? "A" : weight >= 2 ? "B" : weight > 1 ? "C" : "D"
}

/** `search_pg_<name>`: the physical index name reduced to a safe identifier (the same table Medusa's provider uses). */
export function documentTableName(physicalName: string) {
  const safe = physicalName
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_+|_+$/g, "")
  if (!safe) fail(`Cannot derive a table name from search index "${physicalName}"`)
  return `search_pg_${safe}`
}
