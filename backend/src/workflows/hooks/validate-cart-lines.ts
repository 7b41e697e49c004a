import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { addToCartWorkflow, createCartWorkflow, updateLineItemInCartWorkflow } from "@medusajs/medusa/core-flows"
import { listSalesChannelProductIds } from "../../api/utils/ocop-catalog"
import { assertLineQuantity } from "../../lib/line-quantity"

/**
 * Medusa 2.21 prices and reserves any variant id a cart is given: it never checks that the product is sold in the
 * cart's sales channel (the publishable key's), so a product hidden from the shop could still be ordered by id.
 * Its cart workflows expose `validate` hooks that run before anything is written, and every path into a cart
 * (store routes, other workflows) goes through them, so the rules live here rather than in route middlewares:
 * the product must be in the cart's sales channel, and each line holds a whole number of units up to the maximum.
 * Upstream discussed the same check in medusajs/medusa#16253 and documents this hook-based fix (#16259).
 */

type Line = { variant_id?: string | null; product_id?: string | null; product_title?: string | null }

const resolveQuery = (container: MedusaContainer) => container.resolve(ContainerRegistrationKeys.QUERY)

/** Throws a 400 naming `field` when a line's product is not sold in the sales channel. */
async function assertSoldInChannel(container: MedusaContainer, salesChannelId: string | null | undefined, allLines: Line[], field: string) {
  // Custom lines (no variant, no product) sell nothing from the catalogue; only the admin can make them.
  const lines = allLines.filter((l) => l.variant_id || l.product_id)
  // A cart made outside the store API (admin, scripts) may have no channel; store carts always have one.
  if (!salesChannelId || !lines.length) return
  const missingProduct = lines.filter((l) => !l.product_id && l.variant_id).map((l) => l.variant_id!)
  const variants = new Map<string, { product_id: string; title?: string }>()
  if (missingProduct.length) {
    const { data } = await resolveQuery(container).graph({
      entity: "product_variant",
      fields: ["id", "product_id", "product.title"],
      filters: { id: missingProduct },
    })
    for (const v of data as { id: string; product_id: string; product?: { title?: string } }[]) {
      variants.set(v.id, { product_id: v.product_id, title: v.product?.title })
    }
  }
  const products = lines.map((l) => ({
    id: l.product_id ?? variants.get(l.variant_id ?? "")?.product_id,
    title: l.product_title ?? variants.get(l.variant_id ?? "")?.title,
  }))
  // Fail closed: a line whose product cannot be found is not known to be sold here.
  if (products.some((p) => !p.id)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field}: không tìm thấy sản phẩm / product not found`)
  }
  const sold = new Set(await listSalesChannelProductIds(container, [salesChannelId], [...new Set(products.map((p) => p.id!))]))
  const outside = products.find((p) => !sold.has(p.id))
  if (outside) {
    const name = outside.title ? `“${outside.title}”` : "này"
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `${field}: sản phẩm ${name} không bán ở kênh bán hàng của giỏ / product ${outside.title ? name : ""} is not sold in this cart's sales channel`.replace(
        / +/g,
        " "
      )
    )
  }
}

addToCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const items = input.items ?? []
  const single = items.length === 1
  items.forEach((item, i) => assertLineQuantity(item.quantity, single ? "quantity" : `items.${i}.quantity`))

  // Adding a variant already in the cart raises that line's quantity: the maximum holds for the merged line.
  const { data: carts } = await resolveQuery(container).graph({
    entity: "cart",
    fields: ["id", "sales_channel_id", "items.variant_id", "items.quantity"],
    filters: { id: cart.id },
  })
  const current = carts[0] as { sales_channel_id?: string | null; items?: { variant_id?: string | null; quantity: unknown }[] }
  const totals = new Map<string, number>()
  for (const line of current?.items ?? []) {
    if (line.variant_id) totals.set(line.variant_id, (totals.get(line.variant_id) ?? 0) + Number(line.quantity))
  }
  for (const item of items) {
    if (!item.variant_id) continue
    const total = (totals.get(item.variant_id) ?? 0) + Number(item.quantity)
    totals.set(item.variant_id, total)
    assertLineQuantity(total, "quantity")
  }

  await assertSoldInChannel(container, current?.sales_channel_id ?? cart.sales_channel_id, items, "variant_id")
})

createCartWorkflow.hooks.validate(async ({ input, cart }, { container }) => {
  const items = (cart.items ?? []) as (Line & { quantity: unknown })[]
  items.forEach((item, i) => assertLineQuantity(item.quantity, `items.${i}.quantity`))
  await assertSoldInChannel(container, input.sales_channel_id, items, "items")
})

updateLineItemInCartWorkflow.hooks.validate(async ({ input }) => {
  if (input.update.quantity !== undefined) assertLineQuantity(input.update.quantity)
})

/**
 * Rechecked when the cart is completed (completeCartWorkflow's validate hook, complete-cart.ts): the product may
 * have left the channel, or a line may predate the quantity rule, after it entered the cart.
 */
export async function assertCartLinesOrderable(container: MedusaContainer, cart: { sales_channel_id?: string | null; items?: unknown[] | null }) {
  const items = (cart.items ?? []) as (Line & { quantity: unknown })[]
  items.forEach((item) => assertLineQuantity(item.quantity))
  await assertSoldInChannel(container, cart.sales_channel_id, items, "items")
}
