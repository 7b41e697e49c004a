import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { CardPayment } from "@/components/card-payment"
import { ClientTexts } from "@/components/client-texts"
import { retrieveCart } from "@/lib/data/cart"
import { retrieveCardPayment } from "@/lib/data/payments"
import { authHeaders } from "@/lib/data/session"
import { env } from "@/lib/env"
import { formatVnd } from "@/lib/format"

// Rendered per buyer (cart cookie), never cached.
export const dynamic = "force-dynamic"

export const metadata: Metadata = { robots: { index: false } }

/** The card step: the checkout placed a Stripe payment intent for the cart; Stripe.js's Payment Element takes the card. */
export default async function CardPaymentPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ unpaid?: string }>
}) {
  const { locale } = await params
  const { unpaid } = await searchParams
  setRequestLocale(locale)
  const t = await getTranslations("checkout")
  const cart = await retrieveCart()
  const card = cart?.items?.length ? await retrieveCardPayment(cart.id, await authHeaders()) : undefined
  if (!card) {
    return (
      <article>
        <h1>{t("cardTitle")}</h1>
        <p role="alert">{t("cardMissing")}</p>
        <Link href="/checkout">{t("cardBack")}</Link>
      </article>
    )
  }
  const siteUrl = env.SITE_URL.replace(/\/$/, "")
  return (
    <article className="checkout-page">
      <h1>{t("cardTitle")}</h1>
      <p>
        {t("amount")}: <strong data-testid="card-amount">{formatVnd(card.total)}</strong>
      </p>
      {unpaid ? <p role="alert">{t("cardUnpaid")}</p> : null}
      <ClientTexts namespaces={["checkout"]}>
        <CardPayment
          publishableKey={card.publishableKey}
          clientSecret={card.clientSecret}
          returnUrl={`${siteUrl}/${locale}/checkout/card/complete`}
          locale={locale}
        />
      </ClientTexts>
      <p>
        <Link href="/checkout">{t("cardBack")}</Link>
      </p>
    </article>
  )
}
