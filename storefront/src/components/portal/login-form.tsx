"use client"

import { useActionState } from "react"
import { useLocale, useTranslations } from "next-intl"
import { logInProducer } from "@/lib/actions/portal"
import type { FormState } from "@/lib/actions/form-state"
import { FormField, FormOutcome } from "../form-field"

export function ProducerLoginForm() {
  const t = useTranslations("portal")
  const locale = useLocale()
  const [state, action, pending] = useActionState<FormState, FormData>(logInProducer, {})
  return (
    <form action={action} className="stack-form" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <FormOutcome error={state.error} />
      <FormField id="producer-email" name="email" type="email" label={t("email")} autoComplete="username" required />
      <FormField id="producer-password" name="password" type="password" label={t("password")} autoComplete="current-password" required />
      <button type="submit" className="button-primary" disabled={pending}>
        {t("logIn")}
      </button>
    </form>
  )
}
