"use server"

import { z } from "zod"
import { getTranslations } from "next-intl/server"
import { redirect } from "next/navigation"
import { sdk } from "../medusa"
import { listCommunes, listProvinces } from "../data/catalog"
import { CART_LINES_FIELDS, ID_ONLY, retrieveCart } from "../data/cart"
import { PAYMENT_PROVIDERS } from "../data/payments"
import { authHeaders, forgetCartId } from "../data/session"
import { buyerAddress } from "../data/buyer-address"
import { addressSchema, toMedusaAddress } from "./address"
import { fieldErrors, readForm, type FormState } from "./form-state"

const checkoutSchema = addressSchema.extend({
  locale: z.enum(["vi", "en"]).default("vi"),
  email: z.email("email"),
  shipping_option_id: z.string().min(1, "shipping"),
  payment: z.enum(["cod", "vietqr", "vnpay", "card"], { message: "payment" }).default("cod"),
  note: z.string().trim().max(500, "note").optional(),
})

/**
 * One submit places the order: contact and address, delivery option, payment (cash on delivery, a VietQR
 * transfer, which the order page then shows, or VNPay, whose page the buyer is sent to), then Medusa's
 * cart-completion workflow (which reserves stock and rolls back on failure). Every field error comes back named.
 */
export async function placeOrder(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  const locale = raw.locale === "en" ? "en" : "vi"
  const t = await getTranslations({ locale, namespace: "checkout" })
  const parsed = checkoutSchema.safeParse(raw)
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error)
    return { error: t("fixFields"), fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, t(`errors.${v}`)])) }
  }
  const input = parsed.data
  const cart = await retrieveCart(CART_LINES_FIELDS)
  if (!cart?.items?.length) return { error: t("emptyCart") }

  const province = (await listProvinces()).find((p) => p.code === input.province_code)
  const commune = province ? (await listCommunes(province.code)).find((c) => c.code === input.commune_code) : undefined
  if (!province) return { error: t("fixFields"), fields: { province_code: t("errors.province") } }
  if (!commune) return { error: t("fixFields"), fields: { commune_code: t("errors.commune") } }

  const headers = await authHeaders()
  const address = toMedusaAddress(input, { province: province.name, commune: commune.name })
  let orderId: string
  let paymentUrl: string | undefined
  try {
    await sdk.store.cart.update(
      cart.id,
      { email: input.email, shipping_address: address, billing_address: address, metadata: input.note ? { note: input.note } : undefined },
      ID_ONLY,
      headers
    )
    await sdk.store.cart.addShippingMethod(cart.id, { option_id: input.shipping_option_id }, ID_ONLY, headers)
    const { cart: priced } = await sdk.store.cart.retrieve(cart.id, { fields: "id,*payment_collection" }, headers)
    // VNPay wants the buyer's address and page language with the payment; the other providers need nothing.
    const data = input.payment === "vnpay" ? { ip_address: await buyerAddress(), locale: locale === "en" ? "en" : "vn" } : undefined
    await sdk.store.payment.initiatePaymentSession(priced, { provider_id: PAYMENT_PROVIDERS[input.payment], data }, {}, headers)
    // The card is confirmed in the browser by Stripe.js first; the card step completes the cart after it.
    if (input.payment === "card") orderId = ""
    else {
      const result = await sdk.store.cart.complete(cart.id, ID_ONLY, headers)
      if (result.type !== "order") return { error: t("orderFailed", { reason: result.error?.message ?? "" }) }
      orderId = result.order.id
    }
    if (input.payment === "vnpay") {
      const { order } = await sdk.store.order.retrieve(orderId, { fields: "id,*payment_collections.payment_sessions" }, headers)
      const session = (order.payment_collections ?? [])
        .flatMap((c) => c.payment_sessions ?? [])
        .find((s) => s.provider_id === PAYMENT_PROVIDERS.vnpay)
      paymentUrl = typeof session?.data?.payment_url === "string" ? session.data.payment_url : undefined
    }
  } catch (error) {
    return { error: t("orderFailed", { reason: (error as Error).message }) }
  }
  if (!orderId) redirect(`/${locale}/checkout/card`)
  await forgetCartId()
  // Paid on VNPay's page; VNPay sends the buyer back to /checkout/vnpay-return. Without the address (never
  // expected) the order page still shows the order, waiting for payment.
  redirect(paymentUrl ?? `/${locale}/orders/${orderId}`)
}
