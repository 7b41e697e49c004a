import { setTimeout as sleep } from "node:timers/promises"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { availableQuantity, hasUnitsInOneWarehouse, type StockLevel } from "@ocop/domain"

/**
 * Medusa 2.21's completeCartWorkflow creates the order first and reserves its stock afterwards, under a lock per
 * inventory item that gives up after 5 s. With 50 buyers on one last unit, the late ones time out there with an
 * order already written, and their compensation never starts: the execution stays `waiting_to_compensate` and the
 * order (no reservation, cart completed) stays too — 13 such orders beside the real one in a run on 2026-11-28
 * (docs/notifications.md). So a completion first holds the stock of its cart's lines and checks, inside that hold,
 * that the units are still there: only the buyer who gets them goes on to create an order; the others are refused
 * before anything is written.
 */

// A buyer's completion waits this long behind the others for the same stock (each of them holds it for one
// stock read when the stock is gone); the hold lapses by itself after HOLD_SECONDS should its completion never end.
const WAIT_MS = 45_000
const RETRY_MS = 100
const HOLD_SECONDS = 120
// Medusa's own wording: the API's error translator turns it into the buyer's message.
const LOCK_TIMEOUT_MESSAGE = "Timed-out acquiring lock."

type Level = StockLevel & { location_id?: string }
type StockNeed = { inventoryItemId: string; quantity: number; levels: Level[] }
export type StockHold = { keys: string[]; ownerId: string }

type CartLine = {
  quantity?: unknown
  variant?: {
    manage_inventory?: boolean | null
    allow_backorder?: boolean | null
    inventory_items?: { inventory_item_id?: string; required_quantity?: unknown; inventory?: { location_levels?: Level[] | null } | null }[] | null
  } | null
}

/** What the cart's tracked lines take from each inventory item, with the levels of the cart's sales channel's warehouses. */
async function readStockNeeds(container: MedusaContainer, cartId: string): Promise<StockNeed[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: [
      "sales_channel_id",
      "items.quantity",
      "items.variant.manage_inventory",
      "items.variant.allow_backorder",
      "items.variant.inventory_items.inventory_item_id",
      "items.variant.inventory_items.required_quantity",
      "items.variant.inventory_items.inventory.location_levels.location_id",
      "items.variant.inventory_items.inventory.location_levels.stocked_quantity",
      "items.variant.inventory_items.inventory.location_levels.reserved_quantity",
    ],
    filters: { id: cartId },
  })
  const cart = carts[0] as { sales_channel_id?: string | null; items?: CartLine[] | null } | undefined
  if (!cart) return []
  let channelLocations: Set<string> | undefined
  if (cart.sales_channel_id) {
    const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["stock_locations.id"], filters: { id: cart.sales_channel_id } })
    channelLocations = new Set(((channels[0] as { stock_locations?: { id: string }[] } | undefined)?.stock_locations ?? []).map((l) => l.id))
  }
  const needs = new Map<string, StockNeed>()
  for (const line of cart.items ?? []) {
    if (!line.variant?.manage_inventory || line.variant.allow_backorder) continue
    for (const link of line.variant.inventory_items ?? []) {
      if (!link.inventory_item_id) continue
      const need = needs.get(link.inventory_item_id) ?? {
        inventoryItemId: link.inventory_item_id,
        quantity: 0,
        levels: (link.inventory?.location_levels ?? []).filter((l) => !channelLocations || channelLocations.has(l.location_id ?? "")),
      }
      need.quantity += Number(line.quantity) * Number(link.required_quantity ?? 1)
      needs.set(link.inventory_item_id, need)
    }
  }
  return [...needs.values()]
}

/** Refuses the completion when a line's units are no longer in any one warehouse. */
function assertStockLeft(needs: StockNeed[]) {
  for (const need of needs) {
    if (hasUnitsInOneWarehouse(need.levels, need.quantity)) continue
    const fullest = [...need.levels].sort((a, b) => availableQuantity([b]) - availableQuantity([a]))[0]
    // Medusa's own wording, which the API's error translator turns into the product's name and what is left.
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Not enough stock available for item ${need.inventoryItemId}${fullest?.location_id ? ` at location ${fullest.location_id}` : ""}`,
      MedusaError.Codes.INSUFFICIENT_INVENTORY
    )
  }
}

const holdKeys = (needs: StockNeed[]) => [...new Set(needs.map((n) => `ocop:checkout-stock:${n.inventoryItemId}`))].sort()
// One owner per cart: Medusa's lock on the cart already keeps two completions of one cart apart.
const holdOwner = (cartId: string) => `complete-cart:${cartId}`

/** Takes every key or none, trying again until WAIT_MS has passed. */
async function acquireKeys(container: MedusaContainer, hold: StockHold) {
  const locking = container.resolve(Modules.LOCKING)
  const giveUpAt = Date.now() + WAIT_MS
  for (;;) {
    try {
      await locking.acquire(hold.keys, { ownerId: hold.ownerId, expire: HOLD_SECONDS })
      return
    } catch {
      // Keys taken before the busy one are given back, so two carts never each hold half of what the other needs.
      await locking.release(hold.keys, { ownerId: hold.ownerId })
    }
    if (Date.now() >= giveUpAt) throw new Error(LOCK_TIMEOUT_MESSAGE)
    await sleep(RETRY_MS)
  }
}

/**
 * Holds the stock of the cart's tracked lines for its completion and checks, inside the hold, that the units are
 * still there (throws the shortage otherwise). Returns the hold to release once the order has its reservations,
 * or undefined when the cart takes no tracked stock.
 */
export async function holdCheckoutStock(container: MedusaContainer, cartId: string): Promise<StockHold | undefined> {
  const needs = await readStockNeeds(container, cartId)
  if (!needs.length) return undefined
  // Already gone: the buyer need not queue behind the others to hear it.
  assertStockLeft(needs)
  const hold = { keys: holdKeys(needs), ownerId: holdOwner(cartId) }
  await acquireKeys(container, hold)
  try {
    assertStockLeft(await readStockNeeds(container, cartId))
  } catch (error) {
    await releaseCheckoutStock(container, hold)
    throw error
  }
  return hold
}

/** Gives the hold back; only this cart's completion can release it (a lapsed hold taken by another stays theirs). */
export async function releaseCheckoutStock(container: MedusaContainer, hold: StockHold) {
  await container.resolve(Modules.LOCKING).release(hold.keys, { ownerId: hold.ownerId })
}

/** The hold a cart's completion took, found again from the cart (the order's hook only knows the cart id). */
export async function findCheckoutStockHold(container: MedusaContainer, cartId: string): Promise<StockHold | undefined> {
  const needs = await readStockNeeds(container, cartId)
  return needs.length ? { keys: holdKeys(needs), ownerId: holdOwner(cartId) } : undefined
}
