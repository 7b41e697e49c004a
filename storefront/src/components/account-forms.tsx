"use client"

import { useActionState } from "react"
import { useLocale, useTranslations } from "next-intl"
import { logIn, register } from "@/lib/actions/account"
import type { FormState } from "@/lib/actions/form-state"
import { FormField, FormOutcome } from "./form-field"

export function AccountForms({ next }: { next?: string }) {
  const t = useTranslations("account")
  const locale = useLocale()
  const [loginState, loginAction, loggingIn] = useActionState<FormState, FormData>(logIn, {})
  const [registerState, registerAction, registering] = useActionState<FormState, FormData>(register, {})
  const loginErrors = loginState.fields ?? {}
  const registerErrors = registerState.fields ?? {}
  return (
    <div className="account-forms">
      <form action={loginAction} aria-labelledby="login-heading" noValidate>
        <h2 id="login-heading">{t("logIn")}</h2>
        <input type="hidden" name="locale" value={locale} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <FormOutcome error={loginState.error} />
        <FormField id="login-email" name="email" type="email" label={t("fields.email")} autoComplete="email" required error={loginErrors.email} />
        <FormField
          id="login-password"
          name="password"
          type="password"
          label={t("fields.password")}
          autoComplete="current-password"
          required
          error={loginErrors.password}
        />
        <button type="submit" className="button-primary" disabled={loggingIn}>
          {t("logIn")}
        </button>
      </form>
      <form action={registerAction} aria-labelledby="register-heading" noValidate>
        <h2 id="register-heading">{t("register")}</h2>
        <input type="hidden" name="locale" value={locale} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <FormOutcome error={registerState.error} />
        <FormField
          id="register-full_name"
          name="full_name"
          label={t("fields.full_name")}
          autoComplete="name"
          required
          error={registerErrors.full_name}
        />
        <FormField
          id="register-email"
          name="email"
          type="email"
          label={t("fields.email")}
          autoComplete="email"
          required
          error={registerErrors.email}
        />
        <FormField
          id="register-password"
          name="password"
          type="password"
          label={t("fields.password")}
          autoComplete="new-password"
          required
          error={registerErrors.password}
        />
        <button type="submit" className="button-primary" disabled={registering}>
          {t("createAccount")}
        </button>
      </form>
    </div>
  )
}
