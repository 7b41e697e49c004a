import { z } from "zod"
import { recalledOrderLot } from "./lots"

// Orders split per producer (issue 15; docs/orders.md, docs/shipping.md, docs/payments.md): the buyer's order parts,
// each producer's delivery fee in a cart, the producer's orders and payout ledger, and the VNPay return check.
// VND throughout: whole đồng.

/** A part's life (backend/src/modules/producer/models/producer-shipment.ts stores it). */
export const ORDER_PART_STATUSES = ["pending", "packed", "shipped", "delivered", "canceled"] as const
export const orderPartStatus = z.enum(ORDER_PART_STATUSES)

/** GET /store/orders/:id/parts — one producer's part of the buyer's order: who sends which lines, and how far it got. */
export const orderPart = z.object({
  id: z.string(),
  producer: z.object({ id: z.string(), name: z.string(), handle: z.string() }).nullable(),
  line_item_ids: z.array(z.string()),
  status: orderPartStatus,
  subtotal: z.number(),
  /** the part's delivery fee (0 when free, or when the order used a flat delivery option) */
  shipping_fee: z.number(),
  carrier: z.string().nullable(),
  tracking_number: z.string().nullable(),
  shipped_at: z.string().nullable(),
  delivered_at: z.string().nullable(),
  canceled_at: z.string().nullable(),
  /** lots of this part recalled after shipping (docs/traceability.md): the order page warns the buyer */
  recalled_lots: z.array(recalledOrderLot),
})
export const orderParts = z.object({ parts: z.array(orderPart) })

/** One producer's part of a cart with its delivery fee, computed by @ocop/domain's computeShippingFees. */
export const cartPartFee = z.object({
  producer_id: z.string(),
  producer_name: z.string().nullable(),
  subtotal: z.number(),
  fee: z.number(),
  free_from: z.number().nullable(),
})
/** GET /store/carts/:id/shipping-fees */
export const cartShippingFees = z.object({ shipping_fees: z.object({ parts: z.array(cartPartFee), total: z.number() }) })

const shippingTerms = z.object({ fee: z.number(), free_from: z.number().nullable() })
/** GET and POST /producer/shipping — the producer's own values (null: not set), the operator's defaults and what applies. */
export const producerShipping = z.object({
  shipping: z.object({
    shipping_fee: z.number().nullable(),
    free_shipping_from: z.number().nullable(),
    defaults: shippingTerms,
    applied: shippingTerms,
  }),
})

/** A line of a producer's own part (the order's other producers' lines are never shown). */
export const producerOrderLine = z.object({
  id: z.string(),
  product_id: z.string(),
  variant_id: z.string().nullable(),
  title: z.string(),
  variant_title: z.string().nullable(),
  quantity: z.number(),
  unit_price: z.number(),
  /** The lots the producer named when shipping this line (lot_shipment_line); `quantity` null on rows recorded
   * before units per lot. */
  lots: z.array(z.object({ lot_id: z.string(), code: z.string(), public_code: z.string(), quantity: z.number().nullable() })),
})

/** An order as its producer sees it (GET /producer/orders, and the answer of every action on the producer's part). */
export const producerOrder = z.object({
  id: z.string(),
  display_id: z.number().nullable(),
  status: z.string(),
  created_at: z.string(),
  currency_code: z.string(),
  /** where the producer sends its part */
  shipping_address: z
    .object({
      first_name: z.string().nullable().optional(),
      last_name: z.string().nullable().optional(),
      phone: z.string().nullable().optional(),
      address_1: z.string().nullable().optional(),
      address_2: z.string().nullable().optional(),
      city: z.string().nullable().optional(),
      province: z.string().nullable().optional(),
    })
    .nullable(),
  items: z.array(producerOrderLine),
  subtotal: z.number(),
  shipment: z
    .object({
      id: z.string(),
      status: orderPartStatus,
      subtotal: z.number(),
      carrier: z.string().nullable(),
      tracking_number: z.string().nullable(),
      shipped_at: z.string().nullable(),
      delivered_at: z.string().nullable(),
      canceled_at: z.string().nullable(),
      updated_at: z.string(),
    })
    .nullable(),
})
export const producerOrderList = z.object({ orders: z.array(producerOrder), count: z.number(), limit: z.number(), offset: z.number() })
/** POST /producer/orders/:id/fulfillments and /delivery */
export const producerOrderAnswer = z.object({ order: producerOrder })
/** POST /producer/orders/:id/cancel — the part canceled and the buyer's refund recorded for it. */
export const REFUND_STATUSES = ["pending", "refunded"] as const
/**
 * What the buyer gets back for a canceled part (its lines and its delivery fee, in đồng) and whether the provider
 * that took the money already sent it (`refunded`, Stripe) or the operator still has to (`pending`).
 */
export const partRefund = z.object({
  id: z.string(),
  amount: z.number().int(),
  status: z.enum(REFUND_STATUSES),
  provider_id: z.string().nullable(),
  payment_id: z.string().nullable(),
})
export type PartRefund = z.infer<typeof partRefund>
export const producerOrderCancelation = producerOrderAnswer.extend({ refund: partRefund })

/** GET /producer/payouts — delivered parts minus the operator's commission plus their delivery fees; refunds beside. */
export const payoutLedger = z.object({
  commission_percent: z.number(),
  entries: z.array(
    z.object({
      part_id: z.string(),
      order_id: z.string(),
      delivered_at: z.string(),
      subtotal: z.number(),
      shipping_fee: z.number(),
      commission: z.number(),
      net: z.number(),
    })
  ),
  totals: z.object({
    delivered: z.number(),
    shipping: z.number(),
    commission: z.number(),
    net: z.number(),
    refunds: z.number(),
    refunds_pending: z.number(),
    balance: z.number(),
  }),
})
export const payoutLedgerAnswer = z.object({ ledger: payoutLedger })

/** GET /store/vnpay/return — whether VNPay signed the query the buyer came back with; only a signed one names an order. */
export const vnpayReturn = z.discriminatedUnion("verified", [
  z.object({ verified: z.literal(true), order_id: z.string().nullable() }),
  z.object({ verified: z.literal(false), order_id: z.null() }),
])

/**
 * A VietQR bank transfer as the backend's provider keeps it in the payment session (the order page reads it from the
 * order's payment sessions): the NAPAS QR payload and every detail to copy by hand; the reference lets the bank's
 * webhook find the order.
 */
export const bankTransfer = z.object({
  qr: z.string(),
  bankName: z.string(),
  accountNumber: z.string(),
  accountName: z.string(),
  amount: z.number().int().positive(),
  reference: z.string(),
})

export type OrderPartStatus = z.infer<typeof orderPartStatus>
export type OrderPart = z.infer<typeof orderPart>
export type OrderParts = z.infer<typeof orderParts>
export type CartShippingFees = z.infer<typeof cartShippingFees>
export type ProducerShipping = z.infer<typeof producerShipping>
export type ProducerOrderLine = z.infer<typeof producerOrderLine>
export type ProducerOrder = z.infer<typeof producerOrder>
export type ProducerOrderList = z.infer<typeof producerOrderList>
export type ProducerOrderCancelation = z.infer<typeof producerOrderCancelation>
export type PayoutLedger = z.infer<typeof payoutLedger>
export type PayoutLedgerAnswer = z.infer<typeof payoutLedgerAnswer>
export type VnpayReturn = z.infer<typeof vnpayReturn>
export type BankTransfer = z.infer<typeof bankTransfer>
