"use client"

import { useActionState } from "react"
import { useLocale, useTranslations } from "next-intl"
import { acceptInvite } from "@/lib/actions/portal"
import type { FormState } from "@/lib/actions/form-state"
import { FormField, FormOutcome } from "../form-field"

export function InviteForm({ token }: { token: string }) {
  const t = useTranslations("portal")
  const locale = useLocale()
  const [state, action, pending] = useActionState<FormState, FormData>(acceptInvite, {})
  const errors = state.fields ?? {}
  return (
    <form action={action} className="stack-form" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      <FormOutcome error={state.error} />
      <FormField id="invite-name" name="name" label={t("yourName")} autoComplete="name" required error={errors.name} />
      <FormField id="invite-email" name="email" type="email" label={t("email")} autoComplete="username" required error={errors.email} />
      <FormField
        id="invite-password"
        name="password"
        type="password"
        label={t("newPassword")}
        autoComplete="new-password"
        required
        error={errors.password}
      />
      <button type="submit" className="button-primary" disabled={pending}>
        {t("join")}
      </button>
    </form>
  )
}
