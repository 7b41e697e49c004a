import { CERTIFYING_LEVELS, EFFECTIVE_CERTIFICATION_STATUSES, MAX_STARS, MIN_STARS } from "@ocop/domain"
import { z } from "zod"

// The curator API's answers the console relies on (backend/src/api/curator, docs/api.md "Curator API"). Every
// response is parsed here, so a backend change shows up as a clear parse error instead of a half-drawn page.

const place = z.object({ code: z.string(), name: z.string() })
const dateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const CERTIFICATE_STATUSES = EFFECTIVE_CERTIFICATION_STATUSES
export const CERTIFICATE_SORTS = ["-decision_date", "decision_date", "valid_until", "-valid_until", "-stars", "stars", "-created_at"] as const
export { CERTIFYING_LEVELS }

export const curatorMe = z.object({
  curator: z.object({ id: z.string(), email: z.string(), name: z.string().nullable(), scope: z.string(), province_codes: z.array(z.string()) }).passthrough(),
  provinces: z.array(place),
})

const share = z.object({ yes: z.number(), no: z.number(), unknown: z.number() })

export const curatorDashboard = z.object({
  dashboard: z.object({
    today: dateOnly,
    province_codes: z.array(z.string()),
    products: z.object({
      total: z.number(),
      certified: z.number(),
      by_stars: z.record(z.string(), z.number()),
      by_sector: z.array(z.object({ code: z.string().nullable(), name: z.string().nullable(), products: z.number() })),
      by_producer_type: z.array(z.object({ type: z.string().nullable(), products: z.number() })),
      by_commune: z.object({
        top: z.array(z.object({ code: z.string(), name: z.string().nullable(), products: z.number() })),
        other: z.number(),
        other_communes: z.number(),
        unknown: z.number(),
      }),
      listings: z.object({ on_sale: z.number(), showcase: z.number(), unpublished: z.number() }),
    }),
    producers: z.object({ women_led: share, ethnic_minority_led: share }),
    sales_30_days: z.object({
      since: dateOnly,
      orders: z.number(),
      total_vnd: z.number(),
      by_day: z.array(z.object({ date: dateOnly, orders: z.number(), total_vnd: z.number() })),
    }),
    certificates: z.object({
      expiring_within_30_days: z.number(),
      expiring_within_90_days: z.number(),
      expiring_before: z.object({ "30": dateOnly, "90": dateOnly }),
      expired: z.number(),
      revoked: z.number(),
      unknown_validity: z.number(),
    }),
    pending_claims: z.number(),
  }),
})

const historyEntry = z.object({
  kind: z.string(),
  stars: z.number().nullable(),
  previous_stars: z.number().nullable(),
  decision_number: z.string().nullable(),
  decision_date: dateOnly.nullable(),
  note: z.string().nullable(),
  recorded_at: z.string(),
  recorded_by: z.object({ type: z.string(), id: z.string().nullable(), email: z.string().nullable() }).nullable().optional(),
})

export const certificate = z.object({
  id: z.string(),
  stars: z.number(),
  potential_five_star: z.boolean().nullable().optional(),
  score: z.number().nullable(),
  product_group: z.object({ code: z.string(), name: z.string(), path: z.array(z.string()) }).nullable(),
  decision_number: z.string().nullable(),
  decision_date: dateOnly.nullable(),
  certifying_level: z.string().nullable(),
  valid_from: dateOnly.nullable(),
  valid_until: dateOnly.nullable(),
  status: z.enum(CERTIFICATE_STATUSES),
  status_reason: z.string().nullable(),
  is_valid: z.boolean(),
  origin: z.object({ province: place.nullable(), province_as_listed: z.string().nullable(), formerly: z.string().nullable() }).passthrough(),
  rating_history: z.array(historyEntry).optional(),
})

export const registerRow = certificate.extend({
  product: z.object({ id: z.string(), title: z.string(), handle: z.string() }).nullable(),
  producer: z.object({ id: z.string(), name: z.string(), handle: z.string(), type: z.string().nullable(), province: place.nullable() }).passthrough().nullable(),
})

export const certificateList = z.object({ certificates: z.array(registerRow), count: z.number(), offset: z.number(), limit: z.number() })
export const certificateDetail = z.object({ certificate: registerRow })

/** A listing hidden or shown again by a curator: who, when and why (backend …/products/[id]/visibility-history.ts). */
export const visibilityChange = z.object({
  id: z.string(),
  hidden: z.boolean(),
  reason: z.string(),
  recorded_by: z.object({ type: z.string(), id: z.string().nullable(), email: z.string().nullable() }),
  recorded_at: z.string(),
})
export type VisibilityChange = z.infer<typeof visibilityChange>

export const curatorProduct = z.object({
  product: z.object({ id: z.string(), title: z.string(), handle: z.string(), status: z.string() }),
  producer: registerRow.shape.producer,
  current_certification_id: z.string().nullable(),
  certifications: z.array(certificate),
  visibility: z.object({ hidden: z.boolean(), history: z.array(visibilityChange) }),
})

export const claimList = z.object({
  claims: z.array(
    z.object({
      id: z.string(),
      status: z.enum(["pending", "approved", "rejected"]),
      message: z.string().nullable(),
      created_at: z.string(),
      decided_at: z.string().nullable(),
      member: z.object({ id: z.string(), email: z.string().nullable(), name: z.string().nullable() }).nullable(),
      producer: z.object({ id: z.string(), name: z.string(), handle: z.string(), province_code: z.string() }),
    })
  ),
  count: z.number(),
  offset: z.number(),
  limit: z.number(),
})

export const FEATURED_LIST_STATUSES = ["draft", "published"] as const

/** A province's featured list as the curator routes present it (backend api/featured/handlers.ts presentFeaturedList). */
export const curatorFeaturedList = z.object({
  id: z.string(),
  handle: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  cover: z.object({ url: z.string() }).passthrough().nullable(),
  product_ids: z.array(z.string()),
  province: place.nullable(),
  starts_at: z.string(),
  ends_at: z.string(),
  status: z.enum(FEATURED_LIST_STATUSES),
  is_active: z.boolean(),
})
export type CuratorFeaturedList = z.infer<typeof curatorFeaturedList>
export const curatorFeaturedLists = z.object({ featured_lists: z.array(curatorFeaturedList), count: z.number() })
export const curatorFeaturedListDetail = z.object({ featured_list: curatorFeaturedList })

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

/** What a console form's action answers: the form's message, one per field, and the values to show again. */
/** One import of a list (GET /curator/imports/:id): who ran it, how far it has got, its counts. */
export const IMPORT_STATUSES = ["running", "done", "failed"] as const
export const importRun = z.object({
  id: z.string(),
  file_name: z.string(),
  status: z.enum(IMPORT_STATUSES),
  curator: z.object({ id: z.string().nullable(), email: z.string().nullable() }),
  created_at: z.string(),
  total: z.number(),
  processed: z.number(),
  progress: z.number().min(0).max(100),
  read: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  errors_total: z.number(),
  failure: z.string().nullable(),
})
export const importDetail = z.object({ import: importRun })
export const importList = z.object({ imports: z.array(importRun), count: z.number(), offset: z.number(), limit: z.number() })
export type ImportRun = z.infer<typeof importRun>
/** An import id as the backend makes them: checked before it goes into a path. */
export const importId = z.string().regex(/^oimp_[0-9A-Z]{26}$/)

export type ConsoleFormState = { error?: string; fields?: Record<string, string>; ok?: boolean; values?: Record<string, string> }

export type CuratorDashboard = z.infer<typeof curatorDashboard>["dashboard"]
export type RegisterRow = z.infer<typeof registerRow>
export type Certificate = z.infer<typeof certificate>

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
