"use client"

import { useEffect, useState } from "react"
import { useTranslations } from "next-intl"
import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js"
import { loadStripe, type Stripe } from "@stripe/stripe-js"

type Props = { publishableKey: string; clientSecret: string; returnUrl: string; locale: string }

/**
 * Stripe's Payment Element for the cart's payment intent. Stripe.js comes from js.stripe.com (Stripe requires it be
 * loaded from there): when it cannot load — blocked, offline — the buyer is told so and can go back to choose
 * another way to pay, instead of waiting on an empty box.
 */
export function CardPayment({ publishableKey, clientSecret, returnUrl, locale }: Props) {
  const t = useTranslations("checkout")
  const [stripe, setStripe] = useState<Stripe | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    let current = true
    loadStripe(publishableKey, { locale: locale === "en" ? "en" : "vi" })
      .then((loaded) => {
        if (!current) return
        if (loaded) setStripe(loaded)
        else setFailed(true)
      })
      .catch(() => current && setFailed(true))
    return () => {
      current = false
    }
  }, [publishableKey, locale])

  return (
    <section className="card-payment" data-testid="card-element" aria-busy={!stripe && !failed}>
      {failed ? (
        <p role="alert" className="field-error">
          {t("stripeFailed")}
        </p>
      ) : stripe ? (
        <Elements stripe={stripe} options={{ clientSecret }}>
          <CardForm returnUrl={returnUrl} />
        </Elements>
      ) : (
        <p className="hint">{t("stripeLoading")}</p>
      )}
    </section>
  )
}

function CardForm({ returnUrl }: { returnUrl: string }) {
  const t = useTranslations("checkout")
  const stripe = useStripe()
  const elements = useElements()
  const [error, setError] = useState<string>()
  const [paying, setPaying] = useState(false)

  async function pay(event: React.FormEvent) {
    event.preventDefault()
    if (!stripe || !elements) return
    setPaying(true)
    // On success Stripe redirects to returnUrl, which places the order; only a refusal comes back here.
    const result = await stripe.confirmPayment({ elements, confirmParams: { return_url: returnUrl } })
    setError(result.error?.message ?? t("cardFailed"))
    setPaying(false)
  }

  return (
    <form onSubmit={pay}>
      <PaymentElement />
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button-primary" disabled={!stripe || paying}>
        {paying ? t("paying") : t("payByCard")}
      </button>
    </form>
  )
}
