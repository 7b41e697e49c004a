import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import type { MailLine } from "./order-emails"

export type MailOrderRow = {
  id: string
  display_id?: number | null
  email?: string | null
  locale?: string | null
  currency_code: string
  total: unknown
  shipping_total: unknown
  items?: {
    id: string
    title: string
    product_title?: string | null
    variant_title?: string | null
    product_id?: string | null
    quantity: unknown
    unit_price: unknown
  }[]
  payment_collections?: { payment_sessions?: { provider_id: string; data?: Record<string, unknown> | null }[] }[]
}

/** What every order e-mail shows of an order: its number, buyer, language and lines. */
const MAIL_ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "locale",
  // `total` makes Query compute the order's totals, which also turns the items' quantities into plain numbers.
  "total",
  "items.id",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.quantity",
  "items.unit_price",
]

/** Reads an order for an e-mail (the common fields and `extraFields`); a missing order is an error naming order_id. */
export async function readOrderForMail(container: MedusaContainer, orderId: string, extraFields: string[] = []): Promise<MailOrderRow> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: [...MAIL_ORDER_FIELDS, ...extraFields], filters: { id: orderId } })
  const order = data[0] as MailOrderRow | undefined
  if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `order_id: không tìm thấy đơn hàng ${orderId} / order not found`)
  return order
}

/** Query gives quantities and prices as numbers once totals are computed, else as Medusa's BigNumber objects. */
export function toNumber(value: unknown): number {
  if (value && typeof value === "object") {
    const big = value as { numeric?: unknown; value?: unknown }
    return Number(big.numeric ?? big.value)
  }
  return Number(value)
}

export const toMailLine = (item: NonNullable<MailOrderRow["items"]>[number]): MailLine => ({
  // The product's title (what the shop showed); a variant title like "Hộp 500 g" after it.
  title: item.product_title || item.title,
  variant_title: item.variant_title && item.variant_title !== item.product_title ? item.variant_title : null,
  quantity: toNumber(item.quantity),
  unit_price: toNumber(item.unit_price),
})
