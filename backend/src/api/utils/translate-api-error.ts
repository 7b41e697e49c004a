import { errorHandler, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { availableQuantity, type StockLevel } from "@ocop/domain"
import { MALFORMED_PATH_MESSAGE } from "./refuse-malformed-input"

const medusaErrorHandler = errorHandler()

// An error answer repeats at most this much: a 10,000-character input must not come back in full.
const MAX_MESSAGE_CHARS = 500
const LONG_WORD = /\S{81,}/g

/** Cuts echoed input: any run over 80 characters without a space, then the whole message. */
export function shortenMessage(message: string): string {
  const short = message.replace(LONG_WORD, (word) => `${word.slice(0, 40)}…`)
  return short.length > MAX_MESSAGE_CHARS ? `${short.slice(0, MAX_MESSAGE_CHARS)}…` : short
}

type Level = StockLevel & { location_id?: string }

function shortageMessage(title: string | undefined, left: number | undefined) {
  const name = title ? `“${title}”` : ""
  if (left === undefined) return `quantity: không đủ hàng ${name} trong kho / not enough stock ${name}`.replace(/ +/g, " ").trim()
  if (left <= 0) return `quantity: ${name} đã hết hàng / ${name} is out of stock`
  return `quantity: chỉ còn ${left} ${name} / only ${left} left of ${name}`
}

/**
 * Medusa reports a shortage with internal ids ("Not enough stock available for item iitem_… at location sloc_…")
 * or without naming anything ("Some variant does not have the required inventory"). A buyer needs the product and
 * how many are left, and must not see ids of our inventory and warehouses.
 */
async function describeShortage(req: MedusaRequest, message: string): Promise<string> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const itemId = /for item (\S+) at location/.exec(message)?.[1]
  if (itemId) {
    const locationId = /at location (\S+)/.exec(message)?.[1]
    const { data } = await query.graph({
      entity: "inventory_item",
      fields: ["location_levels.location_id", "location_levels.stocked_quantity", "location_levels.reserved_quantity", "variants.product.title"],
      filters: { id: itemId },
    })
    const item = data[0] as { location_levels?: Level[]; variants?: { product?: { title?: string } }[] } | undefined
    const levels = (item?.location_levels ?? []).filter((l) => !locationId || l.location_id === locationId)
    return shortageMessage(item?.variants?.[0]?.product?.title, item ? availableQuantity(levels) : undefined)
  }
  const variantId = (req.body as { variant_id?: unknown } | undefined)?.variant_id
  if (typeof variantId === "string") {
    const { data } = await query.graph({
      entity: "product_variant",
      fields: [
        "product.title",
        "inventory_items.inventory.location_levels.stocked_quantity",
        "inventory_items.inventory.location_levels.reserved_quantity",
      ],
      filters: { id: variantId },
    })
    const variant = data[0] as { product?: { title?: string }; inventory_items?: { inventory?: { location_levels?: Level[] } }[] }
    const levels = (variant?.inventory_items ?? []).flatMap((i) => i.inventory?.location_levels ?? [])
    return shortageMessage(variant?.product?.title, variant ? availableQuantity(levels) : undefined)
  }
  return shortageMessage(undefined, undefined)
}

/**
 * Many buyers completing carts for the same last units queue on the checkout's stock hold (lib/checkout-stock-hold.ts)
 * or Medusa's inventory lock; those still waiting when it times out get the bare "Timed-out acquiring lock." (a 500
 * with the in-memory and PostgreSQL locking providers). By then the first buyers hold the stock: say what is left of
 * the cart's lines, else ask to retry.
 */
async function describeLockTimeout(req: MedusaRequest): Promise<MedusaError> {
  const cartId = /\/store\/carts\/([^/]+)\/complete/.exec(req.path)?.[1]
  if (cartId) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data: carts } = await query.graph({ entity: "cart", fields: ["items.variant_id", "items.quantity"], filters: { id: cartId } })
    const items = ((carts[0] as { items?: { variant_id?: string; quantity?: unknown }[] } | undefined)?.items ?? []).filter((i) => i.variant_id)
    const { data: variants } = items.length
      ? await query.graph({
          entity: "product_variant",
          fields: [
            "id",
            "manage_inventory",
            "product.title",
            "inventory_items.inventory.location_levels.stocked_quantity",
            "inventory_items.inventory.location_levels.reserved_quantity",
          ],
          filters: { id: items.map((i) => i.variant_id!) },
        })
      : { data: [] }
    for (const item of items) {
      const variant = (variants as any[]).find((v) => v.id === item.variant_id)
      if (!variant?.manage_inventory) continue
      const levels: Level[] = (variant.inventory_items ?? []).flatMap((i: any) => i.inventory?.location_levels ?? [])
      const left = availableQuantity(levels)
      if (left < Number(item.quantity)) {
        return new MedusaError(MedusaError.Types.NOT_ALLOWED, shortageMessage(variant.product?.title, left), MedusaError.Codes.INSUFFICIENT_INVENTORY)
      }
    }
  }
  return new MedusaError(MedusaError.Types.CONFLICT, "cart: nhiều người đang đặt cùng lúc, vui lòng thử lại / many buyers at once, please try again")
}

const isLockTimeout = (error: { message?: unknown }) => typeof error.message === "string" && error.message.startsWith("Timed-out acquiring lock")

const isShortage = (error: { message?: unknown; code?: unknown }) =>
  error.code === MedusaError.Codes.INSUFFICIENT_INVENTORY ||
  (typeof error.message === "string" && error.message.startsWith("Not enough stock available for item"))

/**
 * The API's error handler: Medusa's own, after four translations. A URIError (Express could not decode a path
 * parameter) is the caller's mistake, not a 500; a stock shortage names the product instead of internal ids; a lock
 * time-out at cart completion says what is left (or asks to retry) instead of a 500; and
 * no message echoes a long input back.
 */
export async function translateApiError(err: any, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  let error = err
  try {
    if (err instanceof URIError || err?.name === "URIError") {
      error = new MedusaError(MedusaError.Types.INVALID_DATA, MALFORMED_PATH_MESSAGE)
    } else if (err && isShortage(err)) {
      error = new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        await describeShortage(req, String(err.message)),
        MedusaError.Codes.INSUFFICIENT_INVENTORY
      )
    } else if (err && isLockTimeout(err)) {
      error = await describeLockTimeout(req)
    }
  } catch {
    error = new MedusaError(MedusaError.Types.NOT_ALLOWED, shortageMessage(undefined, undefined), MedusaError.Codes.INSUFFICIENT_INVENTORY)
  }
  if (error && typeof error.message === "string") error.message = shortenMessage(error.message)
  return medusaErrorHandler(error, req, res, next)
}
