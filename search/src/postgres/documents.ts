import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError, readDocumentPath, searchValueToBoolean, searchValueToNumber, setDocumentPath } from "@medusajs/framework/utils"
import { weightLabel, type IndexPlan, type PlannedField } from "./index-plan"

/** A document as stored: its key, the typed leaves filters read (`indexed`), and its searchable text by weight. */
export type StoredDocument = {
  id: string
  document: SearchTypes.SearchDocument
  indexed: Record<string, unknown>
  /** One entry per searchable leaf that has a value, in plan order. */
  texts: { text: string; weight: "A" | "B" | "C" | "D" }[]
}

function coerce(value: unknown, planned: PlannedField): unknown {
  switch (planned.kind) {
    case "number":
      return searchValueToNumber(value, planned.is_date)
    case "boolean":
      return searchValueToBoolean(value)
    default:
      return typeof value === "string" ? value : String(value)
  }
}

/**
 * What a document contributes to an index, read with Medusa's public path helpers so nested and list fields
 * mean what they mean on every provider: each leaf coerced to its kind (a list leaf keeps every value, a single
 * one its first), and the words of searchable text and plain numbers (a date is not words) under the field's
 * weight.
 */
export function projectStoredDocument(document: SearchTypes.SearchDocument, plan: IndexPlan): StoredDocument {
  const indexed: Record<string, unknown> = {}
  const texts: StoredDocument["texts"] = []
  for (const planned of plan.fields.values()) {
    const values = readDocumentPath(document, planned.path.split("."))
      .map((value) => coerce(value, planned))
      .filter((value) => value !== undefined)
    if (!values.length) continue
    const value = planned.is_array ? values : values[0]
    setDocumentPath(indexed, planned.path, value)
    const searchable = planned.field.searchable === true || typeof planned.field.searchable === "object"
    if (searchable && planned.kind !== "boolean" && !planned.is_date) {
      texts.push({ text: (planned.is_array ? values : [value]).map(String).join(" "), weight: weightLabel(planned.field.searchable) })
    }
  }
  const key = document[plan.primary_key]
  if (key === undefined || key === null || key === "") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `A document written to the ocop-postgres search provider is missing its primary key "${plan.primary_key}"`
    )
  }
  return { id: String(key), document, indexed, texts }
}
