"use client"

import type { Place } from "@ocop/contracts"
import { useActionState, useEffect, useState } from "react"
import { useLocale, useTranslations } from "next-intl"
import { placeOrder } from "@/lib/actions/checkout"
import type { FormState } from "@/lib/actions/form-state"
import { formatVnd } from "@/lib/format"
import type { PaymentChoice } from "@/lib/data/payments"

type Option = { id: string; name: string; amount: number }
type Defaults = { email: string; full_name: string; phone: string; address_1: string; province_code: string; commune_code: string }

export function CheckoutForm({
  provinces,
  shippingOptions,
  payments,
  defaults,
}: {
  provinces: Place[]
  shippingOptions: Option[]
  /** The ways to pay the backend has configured; cash on delivery is always first and preselected. */
  payments: PaymentChoice[]
  defaults: Defaults
}) {
  const t = useTranslations("checkout")
  const locale = useLocale()
  const [state, action, pending] = useActionState<FormState, FormData>(placeOrder, {})
  const [province, setProvince] = useState(defaults.province_code)
  const [communes, setCommunes] = useState<Place[]>([])
  const errors = state.fields ?? {}
  // Without a province no commune can be chosen; the last province's list is hidden, not cleared in the effect.
  const provinceCommunes = province ? communes : []

  // Communes depend on the province: 3,321 of them are too many to send with the page.
  useEffect(() => {
    if (!province) return
    let current = true
    fetch(`/api/communes/${province}`)
      .then((r) => r.json())
      .then((d: { communes: Place[] }) => current && setCommunes(d.communes))
      .catch(() => current && setCommunes([]))
    return () => {
      current = false
    }
  }, [province])

  const field = (name: keyof Defaults | "shipping_option_id" | "note") => ({
    id: `checkout-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `checkout-${name}-error` : undefined,
  })
  const error = (name: string) =>
    errors[name] ? (
      <span id={`checkout-${name}-error`} className="field-error">
        {errors[name]}
      </span>
    ) : null

  return (
    <form action={action} className="checkout-form" noValidate>
      <input type="hidden" name="locale" value={locale} />
      {state.error ? (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      ) : null}
      <fieldset>
        <legend>{t("contact")}</legend>
        <label htmlFor="checkout-email">{t("email")}</label>
        <input {...field("email")} type="email" autoComplete="email" defaultValue={defaults.email} required />
        {error("email")}
        <label htmlFor="checkout-full_name">{t("fullName")}</label>
        <input {...field("full_name")} autoComplete="name" defaultValue={defaults.full_name} required />
        {error("full_name")}
        <label htmlFor="checkout-phone">{t("phone")}</label>
        <input {...field("phone")} type="tel" autoComplete="tel" inputMode="tel" defaultValue={defaults.phone} required />
        {error("phone")}
      </fieldset>
      <fieldset>
        <legend>{t("address")}</legend>
        <label htmlFor="checkout-province_code">{t("province")}</label>
        <select {...field("province_code")} value={province} onChange={(e) => setProvince(e.target.value)} required>
          <option value="">{t("chooseProvince")}</option>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
        {error("province_code")}
        <label htmlFor="checkout-commune_code">{t("commune")}</label>
        <select {...field("commune_code")} defaultValue={defaults.commune_code} key={`${province}-${provinceCommunes.length}`} required>
          <option value="">{t("chooseCommune")}</option>
          {provinceCommunes.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        {error("commune_code")}
        <label htmlFor="checkout-address_1">{t("street")}</label>
        <input {...field("address_1")} autoComplete="street-address" defaultValue={defaults.address_1} required />
        {error("address_1")}
      </fieldset>
      <fieldset>
        <legend>{t("shipping")}</legend>
        {shippingOptions.map((o, i) => (
          <label key={o.id} className="radio-row">
            <input type="radio" name="shipping_option_id" value={o.id} defaultChecked={i === 0} />
            <span>{o.name}</span>
            <span className="variant-price">{formatVnd(o.amount)}</span>
          </label>
        ))}
        {error("shipping_option_id")}
      </fieldset>
      <fieldset>
        <legend>{t("payment")}</legend>
        {payments.map((choice, i) => (
          <div key={choice}>
            <label className="radio-row">
              <input type="radio" name="payment" value={choice} defaultChecked={i === 0} />
              <span>{t(choice)}</span>
            </label>
            <p className="hint">{t(`${choice}Hint`)}</p>
          </div>
        ))}
        {error("payment")}
      </fieldset>
      <label htmlFor="checkout-note">{t("note")}</label>
      <textarea {...field("note")} rows={2} maxLength={500} />
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? t("placing") : t("placeOrder")}
      </button>
    </form>
  )
}
