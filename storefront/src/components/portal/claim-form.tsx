"use client"

import { useActionState } from "react"
import { useLocale, useTranslations } from "next-intl"
import { claimProducer } from "@/lib/actions/portal"
import type { FormState } from "@/lib/actions/form-state"

export function ClaimForm({ producerId }: { producerId: string }) {
  const t = useTranslations("portal")
  const locale = useLocale()
  const [state, action, pending] = useActionState<FormState, FormData>(claimProducer, {})
  const errors = state.fields ?? {}
  const described = (name: string) =>
    errors[name] ? { "aria-invalid": true as const, "aria-describedby": `claim-${name}-error` } : {}
  const error = (name: string) =>
    errors[name] ? (
      <span id={`claim-${name}-error`} className="field-error">
        {errors[name]}
      </span>
    ) : null
  return (
    <form action={action} className="stack-form" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="producer_id" value={producerId} />
      {state.error ? (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      ) : null}
      <label htmlFor="claim-name">{t("yourName")}</label>
      <input id="claim-name" name="name" autoComplete="name" required {...described("name")} />
      {error("name")}
      <label htmlFor="claim-email">{t("email")}</label>
      <input id="claim-email" name="email" type="email" autoComplete="username" required {...described("email")} />
      {error("email")}
      <label htmlFor="claim-password">{t("newPassword")}</label>
      <input id="claim-password" name="password" type="password" autoComplete="new-password" required {...described("password")} />
      {error("password")}
      <label htmlFor="claim-message">{t("claimMessage")}</label>
      <textarea id="claim-message" name="message" rows={3} maxLength={1000} {...described("message")} />
      {error("message")}
      <button type="submit" className="button-primary" disabled={pending}>
        {t("sendClaim")}
      </button>
    </form>
  )
}
