"use client"

import { useActionState } from "react"
import { useLocale, useTranslations } from "next-intl"
import { claimProducer } from "@/lib/actions/portal"
import type { FormState } from "@/lib/actions/form-state"
import { FormOutcome } from "../form-field"
import { SignUpFields } from "./sign-up-fields"

export function ClaimForm({ producerId }: { producerId: string }) {
  const t = useTranslations("portal")
  const locale = useLocale()
  const [state, action, pending] = useActionState<FormState, FormData>(claimProducer, {})
  const errors = state.fields ?? {}
  return (
    <form action={action} className="stack-form" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="producer_id" value={producerId} />
      <FormOutcome error={state.error} />
      <SignUpFields form="claim" errors={errors} />
      <label htmlFor="claim-message">{t("claimMessage")}</label>
      <textarea
        id="claim-message"
        name="message"
        rows={3}
        maxLength={1000}
        aria-invalid={errors.message ? true : undefined}
        aria-describedby={errors.message ? "claim-message-error" : undefined}
      />
      {errors.message ? (
        <span id="claim-message-error" className="field-error">
          {errors.message}
        </span>
      ) : null}
      <button type="submit" className="button-primary" disabled={pending}>
        {t("sendClaim")}
      </button>
    </form>
  )
}
