"use server"

import { revalidatePath } from "next/cache"
import { z } from "zod"
import { getTranslations } from "next-intl/server"
import { sdk } from "../medusa"
import { CART_ID_FIELDS, getRegionId, ID_ONLY, retrieveCart } from "../data/cart"
import { authHeaders, saveCartId } from "../data/session"
import { fieldErrors, readForm, type FormState } from "./form-state"

const addSchema = z.object({
  locale: z.enum(["vi", "en"]).default("vi"),
  variant_id: z.string().min(1),
  quantity: z.coerce.number().int().min(1).max(99),
})

export async function addToCart(_: FormState, form: FormData): Promise<FormState> {
  const parsed = addSchema.safeParse(readForm(form))
  const t = await getTranslations({ locale: parsed.success ? parsed.data.locale : "vi", namespace: "cart" })
  if (!parsed.success) return { error: t("invalidQuantity"), fields: fieldErrors(parsed.error) }
  const headers = await authHeaders()
  try {
    const line = { variant_id: parsed.data.variant_id, quantity: parsed.data.quantity }
    const cartId = (await retrieveCart(CART_ID_FIELDS))?.id
    if (cartId) await sdk.store.cart.createLineItem(cartId, line, ID_ONLY, headers)
    else {
      // A buyer's first product: the cart is created with its line in one workflow instead of two (an empty cart,
      // then its line), about half the backend's CPU (docs/production.md, "Where a cart write's time goes").
      const { cart } = await sdk.store.cart.create({ region_id: await getRegionId(), items: [line] }, ID_ONLY, headers)
      await saveCartId(cart.id)
    }
  } catch (error) {
    return { error: t("addFailed", { reason: (error as Error).message }) }
  }
  revalidatePath("/[locale]/cart", "page")
  return { ok: true }
}

const lineSchema = z.object({ line_id: z.string().min(1), quantity: z.coerce.number().int().min(0).max(99) })

export async function updateCartLine(form: FormData) {
  // A hand-made form (quantity 100, 1.5) is ignored like the browser's own min/max would have refused it.
  const result = lineSchema.safeParse(readForm(form))
  if (!result.success) return
  const parsed = result.data
  const cart = await retrieveCart(CART_ID_FIELDS)
  if (!cart) return
  const headers = await authHeaders()
  if (parsed.quantity === 0) await sdk.store.cart.deleteLineItem(cart.id, parsed.line_id, ID_ONLY, headers)
  else await sdk.store.cart.updateLineItem(cart.id, parsed.line_id, { quantity: parsed.quantity }, ID_ONLY, headers)
  revalidatePath("/[locale]/cart", "page")
}
