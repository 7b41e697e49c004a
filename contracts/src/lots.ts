import { z } from "zod"
import { certificationStatus } from "./certification"

// Traceability (backend/src/traceability/present-lot.ts, read-public-lot.ts): what the shop's scan page and the
// producer portal read about lots.

export const LOT_STEP_KINDS = ["harvest", "process", "pack", "other"] as const
export const LOT_DOCUMENT_KINDS = ["food_safety", "self_declaration", "lab_result", "other"] as const
export const lotStepKind = z.enum(LOT_STEP_KINDS)
export const lotDocumentKind = z.enum(LOT_DOCUMENT_KINDS)
export const lotStatus = z.enum(["active", "recalled"])

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const lotCommune = z.object({
  code: z.string(),
  name: z.string(),
  province_code: z.string(),
  province_name: z.string().nullable(),
})

/** GET /store/ocop/lots/:public_code — the public scan page's data: no internal id, no private document. */
export const publicLotPage = z.object({
  lot: z.object({
    public_code: z.string(),
    code: z.string(),
    made_on: isoDay.nullable(),
    best_before: isoDay.nullable(),
    quantity: z.number(),
    growing_area_code: z.string().nullable(),
    commune: lotCommune.nullable(),
    status: lotStatus,
    recall_reason: z.string().nullable(),
    recalled_at: isoDay.nullable(),
    steps: z.array(z.object({ happened_on: isoDay.nullable(), kind: lotStepKind, note: z.string(), photo_url: z.string().nullable() })),
    documents: z.array(z.object({ kind: lotDocumentKind, title: z.string(), url: z.string(), mime_type: z.string(), pages: z.number().nullable() })),
    qr_path: z.string(),
  }),
  product: z
    .object({
      title: z.string(),
      handle: z.string(),
      thumbnail: z.string().nullable(),
      gtin: z.string().nullable(),
      ocop: z
        .object({
          stars: z.number(),
          status: certificationStatus,
          decision_number: z.string().nullish(),
          decision_date: z.string().nullish(),
          valid_until: z.string().nullish(),
          certifying_level: z.string().nullish(),
          product_group: z.string().nullish(),
        })
        .nullable(),
    })
    .nullable(),
  producer: z
    .object({ name: z.string(), address: z.string().nullable(), province: z.string().nullable(), province_code: z.string().nullable() })
    .nullable(),
})
export type PublicLotPage = z.infer<typeof publicLotPage>

/** GET /store/ocop/resolve-lot — 200 found, 404 unknown (with the product's handle when the GTIN is known), 410 withdrawn. */
export const lotResolution = z.discriminatedUnion("status", [
  z.object({ status: z.literal("found"), public_code: z.string() }),
  z.object({ status: z.literal("unknown"), product_handle: z.string().nullable(), message: z.string() }),
  z.object({ status: z.literal("withdrawn"), message: z.string() }),
])
export type LotResolution = z.infer<typeof lotResolution>

/**
 * POST /store/ocop/lots/:public_code/scans — 201 a scan counted; 200 a repeat within the window, which may still
 * move the counted scan to the province the person chose afterwards (once per window).
 */
export const lotScanAnswer = z.union([
  z.object({ counted: z.literal(true) }),
  z.object({ counted: z.literal(false), province_recorded: z.boolean() }),
])
export type LotScanAnswer = z.infer<typeof lotScanAnswer>

/** A lot as its producer sees it (GET /producer/lots, /producer/lots/:id). */
export const staffLot = z.object({
  id: z.string(),
  product_id: z.string(),
  product_title: z.string().nullable(),
  code: z.string(),
  public_code: z.string(),
  made_on: isoDay.nullable(),
  best_before: isoDay.nullable(),
  quantity: z.number(),
  growing_area_code: z.string().nullable(),
  commune: lotCommune.nullable(),
  status: lotStatus,
  recall_reason: z.string().nullable(),
  recalled_at: z.string().nullable(),
  scan_count: z.number(),
  max_provinces_per_day: z.number(),
  flags: z.array(z.string()),
  steps: z.array(
    z.object({
      id: z.string(),
      happened_on: isoDay.nullable(),
      kind: lotStepKind,
      note: z.string(),
      photo: z.object({ url: z.string() }).passthrough().nullable(),
    })
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      kind: lotDocumentKind,
      title: z.string(),
      url: z.string(),
      mime_type: z.string(),
      size_bytes: z.number().nullable(),
      pages: z.number().nullable(),
      is_public: z.boolean(),
    })
  ),
  created_at: z.string(),
})
export type StaffLot = z.infer<typeof staffLot>

/** An order that shipped units of a lot, as the producer's lot page lists it (the orders a recall reaches). */
export const lotOrder = z.object({
  order_id: z.string(),
  display_id: z.number().nullable(),
  placed_at: z.string().nullable(),
  order_status: z.string().nullable(),
  line_item_ids: z.array(z.string()),
  /** Units of this order that came from the lot (its lines together); null when a shipment recorded before
   * quantities per lot named the lot without saying how many. */
  quantity: z.number().nullable(),
  part_status: z.string().nullable(),
  shipped_at: z.string().nullable(),
})
export type LotOrder = z.infer<typeof lotOrder>

/**
 * GET /producer/lots/:id, POST /producer/lots/:id/recall and POST /curator/lots/:id/recall: the lot and the orders
 * that shipped it.
 */
export const producerLotDetail = z.object({ lot: staffLot, affected_orders: z.array(lotOrder) })
export type ProducerLotDetail = z.infer<typeof producerLotDetail>
/** POST /curator/lots/:id/recall — the same answer as the producer's recall. */
export const lotRecallAnswer = producerLotDetail
export type LotRecallAnswer = ProducerLotDetail

/** A recalled lot of an order part (GET /store/orders/:id/parts): the buyer's order page shows a banner. */
export const recalledOrderLot = z.object({
  code: z.string(),
  public_code: z.string(),
  recall_reason: z.string().nullable(),
  recalled_at: z.string().nullable(),
  line_item_ids: z.array(z.string()),
})
export type RecalledOrderLot = z.infer<typeof recalledOrderLot>
/** GET /producer/lots */
export const staffLotList = z.object({ lots: z.array(staffLot), count: z.number(), limit: z.number(), offset: z.number() })
/** GET /producer/lots/:id and the answer of every write to a lot (create, step, document, recall) */
export const staffLotAnswer = z.object({ lot: staffLot })

/** A lot in the curator's list: the staff view plus whose it is and its scans of the last 30 days. */
export const curatorLot = staffLot.extend({ producer_name: z.string().nullable(), scans_30_days: z.number() })
export type CuratorLot = z.infer<typeof curatorLot>

export const CURATOR_LOT_FILTERS = ["all", "flagged", "recalled"] as const
export const curatorLotFilter = z.enum(CURATOR_LOT_FILTERS)
export type CuratorLotFilter = z.infer<typeof curatorLotFilter>

/**
 * GET /curator/lots?filter=all|flagged|recalled&limit=&offset= — one page of the province's lots (newest made first),
 * how many match the filter, and the share of its products with a live lot (over all lots, whatever the filter).
 */
export const provinceLots = z.object({
  lots: z.array(curatorLot),
  count: z.number(),
  limit: z.number(),
  offset: z.number(),
  filter: curatorLotFilter,
  scans_since: isoDay,
  summary: z.object({
    products: z.number(),
    products_with_live_lot: z.number(),
    share_with_live_lot: z.number(),
    flagged_lots: z.number(),
    recalled_lots: z.number(),
  }),
})
export type ProvinceLots = z.infer<typeof provinceLots>

/** A lot's per-unit serials as its producer sees them: how many were issued and how they were checked. */
export const lotSerialSummary = z.object({
  issued: z.number(),
  // The lot's cap: one serial per unit made (bounded, @ocop/domain serialCapForLot).
  cap: z.number(),
  checked: z.number(),
  checked_more_than_once: z.number(),
  // Voided by the producer (labels lost, stolen, misprinted): their checks answer "voided".
  voided: z.number(),
})
export type LotSerialSummary = z.infer<typeof lotSerialSummary>

/** One request's serials (one label sheet); `request_key` makes a retried request answer the same batch. */
export const lotSerialBatch = z.object({ id: z.string(), count: z.number(), request_key: z.string(), created_at: z.string() })
export type LotSerialBatch = z.infer<typeof lotSerialBatch>

/** GET /producer/lots/:id/serials and POST (201 a new batch, 200 the same batch again for a retried request_key). */
export const producerLotSerials = z.object({ summary: lotSerialSummary, batches: z.array(lotSerialBatch) })
export type ProducerLotSerials = z.infer<typeof producerLotSerials>
export const issuedLotSerials = producerLotSerials.extend({ batch: lotSerialBatch })
export type IssuedLotSerials = z.infer<typeof issuedLotSerials>
/** POST /producer/lots/:id/serials/void: how many this request voided, how many were void already, and the lot's serials. */
export const voidedLotSerials = producerLotSerials.extend({ voided: z.number(), already_voided: z.number() })
export type VoidedLotSerials = z.infer<typeof voidedLotSerials>

/**
 * POST /store/ocop/lots/:public_code/serials/:serial/checks — the serial's verification: "first" when this request
 * recorded its first check, "repeat" with the moment of that first check, 404 "unknown" when the lot has no such serial
 * (possibly a counterfeit label), 410 "voided" when the producer voided it (with when and why). No personal data.
 */
export const serialCheckAnswer = z.discriminatedUnion("status", [
  z.object({ status: z.literal("first"), serial: z.string(), first_checked_at: z.string() }),
  z.object({ status: z.literal("repeat"), serial: z.string(), first_checked_at: z.string() }),
  z.object({ status: z.literal("unknown"), serial: z.string(), message: z.string() }),
  z.object({ status: z.literal("voided"), serial: z.string(), voided_at: z.string(), void_reason: z.string(), message: z.string() }),
])
export type SerialCheckAnswer = z.infer<typeof serialCheckAnswer>

/** An order that received a recalled lot, as the operator sees it: the lot order plus the buyer's e-mail. */
export const operatorLotOrder = lotOrder.extend({ email: z.string().nullable() })
export type OperatorLotOrder = z.infer<typeof operatorLotOrder>

/** GET /admin/lots/recalls — recalled lots, newest recall first, with who recalled them and the orders they reached. */
export const adminLotRecalls = z.object({
  recalls: z.array(
    z.object({
      lot: z.object({
        id: z.string(),
        code: z.string(),
        public_code: z.string(),
        product_id: z.string(),
        product_title: z.string().nullable(),
        producer_name: z.string().nullable(),
        recall_reason: z.string().nullable(),
        recalled_at: z.string().nullable(),
      }),
      recalled_by: z.object({ type: z.enum(["producer", "curator"]), id: z.string(), email: z.string().nullable() }).nullable(),
      affected_orders: z.array(operatorLotOrder),
    })
  ),
  count: z.number(),
  limit: z.number(),
  offset: z.number(),
})
export type AdminLotRecalls = z.infer<typeof adminLotRecalls>

/** A producer's named preset for the new-lot form (GET/POST /producer/lot-templates): never a code or a date. */
export const lotTemplate = z.object({
  id: z.string(),
  name: z.string(),
  growing_area_code: z.string().nullable(),
  commune: lotCommune.nullable(),
  quantity: z.number().nullable(),
  steps: z.array(z.object({ kind: lotStepKind, note: z.string() })),
  updated_at: z.string(),
})
export type LotTemplate = z.infer<typeof lotTemplate>
export const lotTemplateList = z.object({ templates: z.array(lotTemplate) })
export const lotTemplateAnswer = z.object({ template: lotTemplate })
export type LotTemplateList = z.infer<typeof lotTemplateList>
export type LotTemplateAnswer = z.infer<typeof lotTemplateAnswer>
