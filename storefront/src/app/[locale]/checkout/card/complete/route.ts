import { NextResponse } from "next/server"
import { sdk } from "@/lib/medusa"
import { ID_ONLY } from "@/lib/data/cart"
import { readCartId, authHeaders, forgetCartId } from "@/lib/data/session"
import { env } from "@/lib/env"

/**
 * Where Stripe sends the buyer back after the card step. The cart is completed by Medusa, which asks Stripe for
 * the intent's real status (nothing in this URL is trusted); if Stripe's webhook got there first, Medusa answers
 * with the order it already placed. A refused or unfinished payment returns to the card step.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params
  const locale = raw === "en" ? "en" : "vi"
  const site = env.SITE_URL.replace(/\/$/, "")
  const cartId = await readCartId()
  if (!cartId) return NextResponse.redirect(`${site}/${locale}/checkout`, 303)
  try {
    const result = await sdk.store.cart.complete(cartId, ID_ONLY, await authHeaders())
    if (result.type === "order") {
      await forgetCartId()
      return NextResponse.redirect(`${site}/${locale}/orders/${result.order.id}`, 303)
    }
  } catch {
    // Not paid (yet): back to the card step, which shows the Payment Element again.
  }
  return NextResponse.redirect(`${site}/${locale}/checkout/card?unpaid=1`, 303)
}
