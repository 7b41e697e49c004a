"use client"

import { useActionState } from "react"
import { useLocale, useTranslations } from "next-intl"
import { logInProducer } from "@/lib/actions/portal"
import type { FormState } from "@/lib/actions/form-state"

export function ProducerLoginForm() {
  const t = useTranslations("portal")
  const locale = useLocale()
  const [state, action, pending] = useActionState<FormState, FormData>(logInProducer, {})
  return (
    <form action={action} className="stack-form" noValidate>
      <input type="hidden" name="locale" value={locale} />
      {state.error ? (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      ) : null}
      <label htmlFor="producer-email">{t("email")}</label>
      <input id="producer-email" name="email" type="email" autoComplete="username" required />
      <label htmlFor="producer-password">{t("password")}</label>
      <input id="producer-password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" className="button-primary" disabled={pending}>
        {t("logIn")}
      </button>
    </form>
  )
}
