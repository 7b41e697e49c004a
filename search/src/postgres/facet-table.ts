import type { IndexPlan, PlannedField } from "./index-plan"

/** One typed column of the facet table: a filterable, facetable or sortable field of the index. */
export type FacetColumn = { path: string; name: string; sqlType: string; planned: PlannedField }

const SCALAR_TYPES = { text: "text", keyword: "text", number: "float8", boolean: "boolean" } as const

export function facetTableName(table: string) {
  return `${table}_facets`
}

/** The index of the store's rows in browse order (see buildFacetTableDdl). */
export function browseIndexName(table: string) {
  return `${facetTableName(table)}_browse_idx`
}

function columnName(path: string) {
  return `f_${path.replace(/[^a-zA-Z0-9]+/g, "_")}`
}

/** The fields filters, facets and sorts read, each as a real column: numbers and dates float8, arrays SQL arrays. */
export function listFacetColumns(plan: IndexPlan): FacetColumn[] {
  return [...plan.fields.values()]
    .filter((planned) => planned.kind in SCALAR_TYPES)
    .filter(({ field }) => field.filterable || field.facetable || field.sortable)
    .map((planned) => {
      const scalar = SCALAR_TYPES[planned.kind as keyof typeof SCALAR_TYPES]
      return { path: planned.path, name: columnName(planned.path), sqlType: planned.is_array ? `${scalar}[]` : scalar, planned }
    })
}

function jsonPath(path: string) {
  return `'{${path
    .split(".")
    .map((s) => s.replace(/'/g, "''"))
    .join(",")}}'`
}

/** The SQL value of one column, read from the stored `indexed` jsonb of the row aliased `r`. */
function columnValueSql(column: FacetColumn) {
  const scalar = SCALAR_TYPES[column.planned.kind as keyof typeof SCALAR_TYPES]
  if (!column.planned.is_array) return `(r."indexed" #>> ${jsonPath(column.path)})::${scalar}`
  const value = `r."indexed" #> ${jsonPath(column.path)}`
  return `CASE WHEN jsonb_typeof(${value}) = 'array' THEN ARRAY(SELECT e::${scalar} FROM jsonb_array_elements_text(${value}) e) END`
}

/**
 * A narrow table beside the provider's document table (about a third of its pages: no document, no jsonb),
 * holding the tsvector and one typed column per filterable/facetable/sortable field, kept equal to it by
 * statement-level triggers in the same transaction as every write, so no ingestion path can forget it.
 * `textIndexWhere` (the index's store filter, compiled with literals) adds a second text index holding only the
 * rows that pass it, and `browseOrder` (an ORDER BY over facet columns) a b-tree index of those rows in the order a
 * browse without text lists them. Returns the statements in order; all are idempotent.
 */
export function buildFacetTableDdl(table: string, plan: IndexPlan, textIndexWhere?: string, browseOrder?: string): string[] {
  const facets = facetTableName(table)
  const columns = listFacetColumns(plan)
  const names = columns.map((c) => `"${c.name}"`)
  const upsert = (source: string, where = "") => `
    INSERT INTO "${facets}" ("id", "search_vector"${names.map((n) => `, ${n}`).join("")})
    SELECT r."id", r."search_vector"${columns.map((c) => `, ${columnValueSql(c)}`).join("")} FROM ${source} r ${where}
    ON CONFLICT ("id") DO UPDATE SET "search_vector" = EXCLUDED."search_vector"${names.map((n) => `, ${n} = EXCLUDED.${n}`).join("")}`
  const fn = (suffix: string, body: string) => `
    CREATE OR REPLACE FUNCTION "${facets}_${suffix}"() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN ${body}; RETURN NULL; END $fn$`
  const trigger = (suffix: string, event: string, transition: string, fnSuffix = suffix) => `
    DO $do$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = '${facets}_${suffix}' AND tgrelid = '"${table}"'::regclass) THEN
        CREATE TRIGGER "${facets}_${suffix}" AFTER ${event} ON "${table}" ${transition}
        FOR EACH STATEMENT EXECUTE FUNCTION "${facets}_${fnSuffix}"();
      END IF;
    END $do$`
  return [
    `CREATE TABLE IF NOT EXISTS "${facets}" (
      "id" text PRIMARY KEY,
      "search_vector" tsvector NOT NULL DEFAULT ''::tsvector
      ${columns.map((c) => `, "${c.name}" ${c.sqlType}`).join("")}
    )`,
    // GIN keeps fresh entries in a "pending list" that every search scans until a VACUUM merges it; with the
    // default 4 MB (thousands of products after an import, ~4 ms per search here, and autovacuum may be off) it
    // is the largest part of matching. 64 kB keeps it to a few dozen rows for 0.1 s more per 20,000 writes.
    `CREATE INDEX IF NOT EXISTS "${facets}_fts_idx" ON "${facets}" USING GIN ("search_vector") WITH (gin_pending_list_limit = 64)`,
    `ALTER INDEX "${facets}_fts_idx" SET (gin_pending_list_limit = 64)`,
    // A search carrying the store filter (every shop search) is planned on this smaller index, so it never visits
    // the rows the filter would drop: unpublished products and lapsed certificates were four in five of the text
    // matches read in the 20,000-product benchmark.
    ...(textIndexWhere
      ? [
          `CREATE INDEX IF NOT EXISTS "${facets}_fts_where_idx" ON "${facets}" USING GIN ("search_vector")
           WITH (gin_pending_list_limit = 64) WHERE ${textIndexWhere}`,
        ]
      : []),
    // A browse without text (the shop's newest first) reads its page from this index and stops after the page's
    // rows, instead of reading and sorting every row the store shows; its bounded facet read walks it too.
    ...(browseOrder
      ? [`CREATE INDEX IF NOT EXISTS "${browseIndexName(table)}" ON "${facets}" (${browseOrder})${textIndexWhere ? ` WHERE ${textIndexWhere}` : ""}`]
      : []),
    // Indexes for filters and sorts that can narrow a browse without text; a yes/no column or the id (the
    // primary key already) never narrows enough to be read through an index, and each index slows every write.
    ...columns
      .filter((c) => c.planned.kind !== "boolean" && c.path !== "id")
      .map((c) =>
        c.planned.is_array
          ? `CREATE INDEX IF NOT EXISTS "${facets}_${c.name}_idx" ON "${facets}" USING GIN ("${c.name}")`
          : `CREATE INDEX IF NOT EXISTS "${facets}_${c.name}_idx" ON "${facets}" ("${c.name}")`
      ),
    fn("ins", upsert("new_rows")),
    fn("del", `DELETE FROM "${facets}" f USING old_rows o WHERE f."id" = o."id"`),
    fn("trunc", `TRUNCATE "${facets}"`),
    trigger("ins", "INSERT", "REFERENCING NEW TABLE AS new_rows"),
    trigger("upd", "UPDATE", "REFERENCING NEW TABLE AS new_rows", "ins"),
    trigger("del", "DELETE", "REFERENCING OLD TABLE AS old_rows"),
    trigger("trunc", "TRUNCATE", ""),
    // A document table that already held rows (created before this provider) is copied once.
    upsert(`"${table}"`, `WHERE NOT EXISTS (SELECT 1 FROM "${facets}" LIMIT 1)`),
  ]
}

export function buildDropFacetTableDdl(table: string): string[] {
  const facets = facetTableName(table)
  return [`DROP TABLE IF EXISTS "${facets}"`, ...["ins", "del", "trunc"].map((suffix) => `DROP FUNCTION IF EXISTS "${facets}_${suffix}"() CASCADE`)]
}
