"use client"

import { useActionState } from "react"
import { useLocale, useTranslations } from "next-intl"
import { logIn, register } from "@/lib/actions/account"
import type { FormState } from "@/lib/actions/form-state"

function Field({ form, name, type = "text", autoComplete, errors }: { form: string; name: string; type?: string; autoComplete: string; errors: Record<string, string> }) {
  const t = useTranslations("account")
  const id = `${form}-${name}`
  return (
    <>
      <label htmlFor={id}>{t(`fields.${name}` as never)}</label>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${id}-error` : undefined}
      />
      {errors[name] ? (
        <span id={`${id}-error`} className="field-error">
          {errors[name]}
        </span>
      ) : null}
    </>
  )
}

export function AccountForms({ next }: { next?: string }) {
  const t = useTranslations("account")
  const locale = useLocale()
  const [loginState, loginAction, loggingIn] = useActionState<FormState, FormData>(logIn, {})
  const [registerState, registerAction, registering] = useActionState<FormState, FormData>(register, {})
  return (
    <div className="account-forms">
      <form action={loginAction} aria-labelledby="login-heading" noValidate>
        <h2 id="login-heading">{t("logIn")}</h2>
        <input type="hidden" name="locale" value={locale} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        {loginState.error ? <p role="alert" className="form-error">{loginState.error}</p> : null}
        <Field form="login" name="email" type="email" autoComplete="email" errors={loginState.fields ?? {}} />
        <Field form="login" name="password" type="password" autoComplete="current-password" errors={loginState.fields ?? {}} />
        <button type="submit" className="button-primary" disabled={loggingIn}>
          {t("logIn")}
        </button>
      </form>
      <form action={registerAction} aria-labelledby="register-heading" noValidate>
        <h2 id="register-heading">{t("register")}</h2>
        <input type="hidden" name="locale" value={locale} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        {registerState.error ? <p role="alert" className="form-error">{registerState.error}</p> : null}
        <Field form="register" name="full_name" autoComplete="name" errors={registerState.fields ?? {}} />
        <Field form="register" name="email" type="email" autoComplete="email" errors={registerState.fields ?? {}} />
        <Field form="register" name="password" type="password" autoComplete="new-password" errors={registerState.fields ?? {}} />
        <button type="submit" className="button-primary" disabled={registering}>
          {t("createAccount")}
        </button>
      </form>
    </div>
  )
}
