import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse, type StepExecutionContext } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { findCheckoutStockHold, holdCheckoutStock, releaseCheckoutStock, type StockHold } from "../../lib/checkout-stock-hold"
import { assertCartLinesOrderable } from "./validate-cart-lines"

/**
 * Cart completion, by any path (the shop's "Đặt hàng", a card payment's webhook): the lines are checked again, then
 * the stock of the tracked lines is held from before the order is created until the order has its reservations
 * (lib/checkout-stock-hold.ts says why). A completion that fails after the hold gives it back in compensation.
 */
completeCartWorkflow.hooks.validate<StockHold | undefined>(
  async ({ cart }, { container }) => {
    await assertCartLinesOrderable(container, cart)
    // A completion re-run for a cart that already has its order creates nothing and reserves nothing.
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: placed } = await query.graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cart.id } })
    const hold = placed.length ? undefined : await holdCheckoutStock(container, cart.id)
    return new StepResponse(undefined, hold)
  },
  async (hold, { container }) => {
    if (hold) await releaseCheckoutStock(container, hold)
  }
)

// Declared by completeCartWorkflow after the order's reservations and payment, but left out of its typed hooks in
// Medusa 2.21; should an upgrade drop it, this call fails when the backend starts instead of holds being kept.
type OrderCreatedHook = (handler: (input: { order_id: string; cart_id: string }, context: StepExecutionContext) => Promise<void>) => void
const onOrderCreated = (completeCartWorkflow.hooks as unknown as { orderCreated: OrderCreatedHook }).orderCreated

onOrderCreated(async ({ cart_id }, { container }) => {
  try {
    const hold = await findCheckoutStockHold(container, cart_id)
    if (hold) await releaseCheckoutStock(container, hold)
  } catch (error) {
    // The order is placed and reserved: a failed release must not undo it, and the hold lapses by itself.
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`complete-cart: stock hold of cart ${cart_id} not released (${(error as Error).message})`)
  }
})
