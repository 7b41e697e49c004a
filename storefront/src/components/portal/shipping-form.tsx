"use client"

import { useActionState } from "react"
import { useLocale, useTranslations } from "next-intl"
import { updateProducerShipping } from "@/lib/actions/portal"
import type { FormState } from "@/lib/actions/form-state"
import { FormField, FormOutcome } from "../form-field"

/** The producer's own delivery fee and free-shipping threshold; an empty field means the marketplace's default. */
export function ShippingForm({ fee, freeFrom }: { fee: number | null; freeFrom: number | null }) {
  const t = useTranslations("portal")
  const locale = useLocale()
  const [state, action, pending] = useActionState<FormState, FormData>(updateProducerShipping, {})
  return (
    <form action={action} className="stack-form" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <FormOutcome error={state.error} ok={state.ok ? t("saved") : undefined} />
      <FormField
        id="shipping_fee"
        name="shipping_fee"
        label={t("shippingFee")}
        inputMode="numeric"
        defaultValue={fee ?? ""}
        error={state.fields?.shipping_fee}
      />
      <FormField
        id="free_shipping_from"
        name="free_shipping_from"
        label={t("freeShippingFrom")}
        inputMode="numeric"
        defaultValue={freeFrom ?? ""}
        error={state.fields?.free_shipping_from}
      />
      <button type="submit" className="button-primary" disabled={pending}>
        {t("saveShipping")}
      </button>
    </form>
  )
}
