"use client"

import { useActionState } from "react"
import { useLocale, useTranslations } from "next-intl"
import { acceptInvite } from "@/lib/actions/portal"
import type { FormState } from "@/lib/actions/form-state"
import { FormOutcome } from "../form-field"
import { SignUpFields } from "./sign-up-fields"

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
      <SignUpFields form="invite" errors={errors} />
      <button type="submit" className="button-primary" disabled={pending}>
        {t("join")}
      </button>
    </form>
  )
}
