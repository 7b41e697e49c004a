"use client"

import { useTranslations } from "next-intl"
import { FormField } from "../form-field"

/** Name, email and a new password: what joining by invite and claiming a producer both ask for. */
export function SignUpFields({ form, errors }: { form: string; errors: Record<string, string> }) {
  const t = useTranslations("portal")
  return (
    <>
      <FormField id={`${form}-name`} name="name" label={t("yourName")} autoComplete="name" required error={errors.name} />
      <FormField id={`${form}-email`} name="email" type="email" label={t("email")} autoComplete="username" required error={errors.email} />
      <FormField
        id={`${form}-password`}
        name="password"
        type="password"
        label={t("newPassword")}
        autoComplete="new-password"
        required
        error={errors.password}
      />
    </>
  )
}
