/**
 * Names of the events the marketplace emits, one enum for the emitting workflows and the consuming subscribers
 * and search index (a typo on either side would silently stop the index or the shop's caches from updating).
 * Shaped like Medusa's own `ProductEvents`; product.* events are Medusa's and come from there.
 */
export const OcopEvents = {
  /** a certificate issued to a product (admin, curator, demo catalogue) */
  CERTIFICATION_ISSUED: "ocop.certification.issued",
  /** certificates changed: edited, revoked, expired by the nightly sweep, or superseded by an import */
  CERTIFICATION_UPDATED: "ocop.certification.updated",
  /** a list import created or changed products */
  CATALOG_IMPORTED: "ocop.catalog.imported",
  /** a product linked to its producer */
  PRODUCT_PRODUCER_ASSIGNED: "ocop.product.producer-assigned",
  /** a featured list created, edited, given a cover or deleted */
  FEATURED_LIST_CHANGED: "featured_list.changed",
  /**
   * a producer shipped its part of an order (carrier + tracking number); data `{ order_id, producer_id,
   * shipment_id }`. Emitted by the producer's shipment workflow; the buyer's "shipped" e-mail follows it.
   */
  ORDER_PART_SHIPPED: "ocop.order-part.shipped",
  /**
   * a lot was recalled (producer or curator); data `{ lot_id }`. Emitted by the recall workflow; the buyers of the
   * orders that shipped units of the lot are mailed.
   */
  LOT_RECALLED: "ocop.lot.recalled",
} as const

export type OcopEventName = (typeof OcopEvents)[keyof typeof OcopEvents]
