import { CERTIFICATE_SORTS, CERTIFICATE_STATUSES, CURATOR_LOT_FILTERS, type RegisterRow } from "@ocop/contracts"
import { MAX_STARS, MIN_STARS } from "@ocop/domain"
import { z } from "zod"

// The console's own shapes: the register's URL filters, form states and the helpers between them. The curator
// API's answers are parsed with @ocop/contracts (backend/src/api/curator, docs/api.md "Curator API").

/** A product the list editor can add: one of the province's, found through the register. */
export type PickableProduct = { id: string; title: string; producer: string | null; stars: number | null }

/**
 * The register's rows matching a search, one per product: a product re-rated has several certificates, and only
 * a product with a live (not superseded) one may join a province's list.
 */
export function toPickableProducts(rows: RegisterRow[]): PickableProduct[] {
  const seen = new Map<string, PickableProduct>()
  for (const row of rows) {
    if (!row.product || row.status === "superseded" || seen.has(row.product.id)) continue
    seen.set(row.product.id, { id: row.product.id, title: row.product.title, producer: row.producer?.name ?? null, stars: row.stars })
  }
  return [...seen.values()]
}

/** An import id as the backend makes them: checked before it goes into a path. */
export const importId = z.string().regex(/^oimp_[0-9A-Z]{26}$/)

/** What a console form's action answers: the form's message, one per field, and the values to show again. */
export type ConsoleFormState = { error?: string; fields?: Record<string, string>; ok?: boolean; values?: Record<string, string> }

/** The register's filters as they stand in the page's URL; anything unknown is dropped, not sent. */
export const registerQuery = z.object({
  status: z.enum(CERTIFICATE_STATUSES).optional().catch(undefined),
  stars: z.coerce.number().int().min(MIN_STARS).max(MAX_STARS).optional().catch(undefined),
  province: z.string().trim().min(1).max(100).optional().catch(undefined),
  q: z.string().trim().min(1).max(200).optional().catch(undefined),
  sort: z.enum(CERTIFICATE_SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
})
export type RegisterQuery = z.infer<typeof registerQuery>
export const REGISTER_PAGE_SIZE = 20

/** The lot list's state in the URL: which lots (all, flagged, recalled) and which page; anything else falls back. */
export const lotListQuery = z.object({
  filter: z.enum(CURATOR_LOT_FILTERS).default("all").catch("all"),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
})
export type LotListQuery = z.infer<typeof lotListQuery>
export const LOT_PAGE_SIZE = 20

/** The backend query for a register page: its filters plus limit and offset. */
export function toRegisterRequest({ page, ...filters }: RegisterQuery) {
  const query: Record<string, string | number> = { limit: REGISTER_PAGE_SIZE, offset: (page - 1) * REGISTER_PAGE_SIZE }
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) query[key] = value
  return query
}

/**
 * The backend names the field first and joins several problems with "; " ("revoke.decision_number: không được để
 * trống / must not be empty; revoke.reason: …"): each message goes next to its field. Messages that name no field
 * of the form stay the form's.
 */
export function splitFieldErrors(message: string, fields: readonly string[]): { fields: Record<string, string>; rest: string[] } {
  const named: Record<string, string> = {}
  const rest: string[] = []
  // A list's products are named by position ("products[2]: “…” thuộc …"): the message belongs to the products field.
  for (const part of message.split(/;\s+(?=[a-z_.]+(?:\.\d+|\[\d+\])?:)/)) {
    const match = /^([a-z_.]+(?:\.\d+|\[\d+\])?):\s*(.*)$/s.exec(part)
    const field = match?.[1].replace(/^revoke\./, "").replace(/\[\d+\]$/, "")
    if (field && fields.includes(field)) named[field] = named[field] ? `${named[field]}; ${part}` : part
    else rest.push(part)
  }
  return { fields: named, rest }
}
