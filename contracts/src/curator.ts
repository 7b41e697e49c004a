import { EFFECTIVE_CERTIFICATION_STATUSES } from "@ocop/domain"
import { z } from "zod"
import { certification, recordedBy } from "./certification"
import { dateOnly, paging, place } from "./common"
import { importRun } from "./import"

// The curator API (backend/src/api/curator, docs/api.md "Curator API"): what the shop's curator console reads.

export const CERTIFICATE_STATUSES = EFFECTIVE_CERTIFICATION_STATUSES
export const CERTIFICATE_SORTS = ["-decision_date", "decision_date", "valid_until", "-valid_until", "-stars", "stars", "-created_at"] as const

/**
 * "province": the curator works on the provinces in `province_codes` (34-province codes, @ocop/domain/places).
 * "national": the programme's national office, which sees every province; `province_codes` is then empty.
 */
export const CURATOR_SCOPES = ["province", "national"] as const

/** A curator's account as it and the operator see it (presentCurator). */
export const curatorAccount = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  scope: z.enum(CURATOR_SCOPES),
  province_codes: z.array(z.string()),
  deactivated_at: z.string().nullable(),
  created_at: z.string(),
})

/** GET /curator/me — the signed-in curator and the provinces it works on (all 34 for the national office). */
export const curatorMe = z.object({ curator: curatorAccount, provinces: z.array(place) })

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
    /** Traceability: lots of the provinces' products, scans since `scans_since` (30 days, today included), open flags, recalls. */
    lots: z.object({ scans_since: dateOnly, recorded: z.number(), scans_30_days: z.number(), open_flags: z.number(), recalled: z.number() }),
  }),
})

/** A row of the province register: the certificate with its product and producer. */
export const registerRow = certification.extend({
  product: z.object({ id: z.string(), title: z.string(), handle: z.string() }).nullable(),
  producer: z
    .object({ id: z.string(), name: z.string(), handle: z.string(), type: z.string().nullable(), province: place.nullable() })
    .passthrough()
    .nullable(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
})

export const certificateList = z.object({ certificates: z.array(registerRow), ...paging })
export const certificateDetail = z.object({ certificate: registerRow })

/** A listing hidden or shown again by a curator: who, when and why. */
export const visibilityChange = z.object({
  id: z.string(),
  hidden: z.boolean(),
  reason: z.string(),
  recorded_by: recordedBy,
  recorded_at: z.string(),
})

export const curatorProduct = z.object({
  product: z.object({ id: z.string(), title: z.string(), handle: z.string(), status: z.string() }),
  producer: registerRow.shape.producer,
  current_certification_id: z.string().nullable(),
  certifications: z.array(certification),
  visibility: z.object({ hidden: z.boolean(), history: z.array(visibilityChange) }),
})

export const CLAIM_STATUSES = ["pending", "approved", "rejected"] as const

export const claimList = z.object({
  claims: z.array(
    z.object({
      id: z.string(),
      status: z.enum(CLAIM_STATUSES),
      message: z.string().nullable(),
      created_at: z.string(),
      decided_at: z.string().nullable(),
      member: z.object({ id: z.string(), email: z.string().nullable(), name: z.string().nullable() }).nullable(),
      producer: z.object({ id: z.string(), name: z.string(), handle: z.string(), province_code: z.string() }),
    })
  ),
  ...paging,
})

export const FEATURED_LIST_STATUSES = ["draft", "published"] as const

/** A province's featured list as the curator routes present it. */
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
  /** who made the list (type, id, email) */
  created_by: z.record(z.string(), z.unknown()).nullable().optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
})
export const curatorFeaturedLists = z.object({ featured_lists: z.array(curatorFeaturedList), count: z.number() })
export const curatorFeaturedListDetail = z.object({ featured_list: curatorFeaturedList })

/** GET /curator/reminders — which producers were told that a certificate of the curator's provinces expires, and when. */
export const curatorReminders = z.object({
  reminders: z.array(
    z.object({
      id: z.string(),
      certificate_id: z.string(),
      product_id: z.string().nullable(),
      /** the reminder's window: 90, 60 or 30 days before the certificate ends */
      threshold_days: z.number(),
      valid_until: dateOnly.nullable(),
      recipients: z.array(z.string()),
      notification_ids: z.array(z.string()),
      sent_at: z.string(),
    })
  ),
  ...paging,
})

export const importDetail = z.object({ import: importRun })
export const importList = z.object({ imports: z.array(importRun), ...paging })

export type CuratorAccount = z.infer<typeof curatorAccount>
export type CuratorMe = z.infer<typeof curatorMe>
export type CuratorReminders = z.infer<typeof curatorReminders>
export type CuratorDashboard = z.infer<typeof curatorDashboard>["dashboard"]
export type RegisterRow = z.infer<typeof registerRow>
export type CuratorProduct = z.infer<typeof curatorProduct>
export type VisibilityChange = z.infer<typeof visibilityChange>
export type CuratorFeaturedList = z.infer<typeof curatorFeaturedList>
