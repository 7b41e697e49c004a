"use client"

import { useActionState } from "react"
import { useLocale, useTranslations } from "next-intl"
import { acceptInvite } from "@/lib/actions/portal"
import type { FormState } from "@/lib/actions/form-state"

export function InviteForm({ token }: { token: string }) {
  const t = useTranslations("portal")
  const locale = useLocale()
  const [state, action, pending] = useActionState<FormState, FormData>(acceptInvite, {})
  const errors = state.fields ?? {}
  const field = (name: string, label: string, type: string, autoComplete: string) => (
    <>
      <label htmlFor={`invite-${name}`}>{label}</label>
      <input
        id={`invite-${name}`}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `invite-${name}-error` : undefined}
      />
      {errors[name] ? (
        <span id={`invite-${name}-error`} className="field-error">
          {errors[name]}
        </span>
      ) : null}
    </>
  )
  return (
    <form action={action} className="stack-form" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="token" value={token} />
      {state.error ? (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      ) : null}
      {field("name", t("yourName"), "text", "name")}
      {field("email", t("email"), "email", "username")}
      {field("password", t("newPassword"), "password", "new-password")}
      <button type="submit" className="button-primary" disabled={pending}>
        {t("join")}
      </button>
    </form>
  )
}
