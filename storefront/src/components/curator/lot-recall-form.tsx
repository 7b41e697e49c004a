"use client"

import { useActionState } from "react"
import { useTranslations } from "next-intl"
import { recallProvinceLot } from "@/lib/actions/curator"
import type { ConsoleFormState as FormState } from "@/lib/curator/schemas"
import { FormField, FormOutcome } from "../form-field"
import { formKey, LocaleInput, outcome } from "./forms"

/** A curator recalls one lot of its province; the reason is required and shown on the lot's scan page. */
export function LotRecallForm({ lotId, lotCode }: { lotId: string; lotCode: string }) {
  const t = useTranslations("curator")
  const [state, action, pending] = useActionState<FormState, FormData>(recallProvinceLot, {})
  const errors = state.fields ?? {}
  if (state.ok)
    return (
      <p role="status" className="form-ok">
        {t("lotRecalled", { code: lotCode })}
      </p>
    )
  return (
    <details className="lot-recall">
      <summary>{t("lotRecall")}</summary>
      <form key={formKey(state)} action={action} className="stack-form danger-form" noValidate>
        <p className="hint">{t("lotRecallHint")}</p>
        <LocaleInput />
        <input type="hidden" name="lot_id" value={lotId} />
        <FormOutcome error={outcome(state, t("fixFields"))} />
        <FormField
          id={`recall-reason-${lotId}`}
          name="reason"
          label={t("lotRecallReason", { code: lotCode })}
          defaultValue={state.values?.reason ?? ""}
          required
          maxLength={1000}
          error={errors.reason}
        />
        <button type="submit" className="button-danger" disabled={pending}>
          {t("lotRecallSubmit")}
        </button>
      </form>
    </details>
  )
}
