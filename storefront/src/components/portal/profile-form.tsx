"use client"

import { useActionState } from "react"
import { useLocale, useTranslations } from "next-intl"
import { updateProducerFacts } from "@/lib/actions/portal"
import type { FormState } from "@/lib/actions/form-state"
import { FormOutcome } from "../form-field"

type Fact = boolean | null

const asChoice = (value: Fact) => (value === null ? "unknown" : value ? "yes" : "no")

/**
 * The producer's own facts the curators count: led by women, led by an ethnic minority. "Not said" is a choice of
 * its own, so a producer who does not answer is never counted as "no".
 */
export function ProfileForm({ womenLed, ethnicMinorityLed }: { womenLed: Fact; ethnicMinorityLed: Fact }) {
  const t = useTranslations("portal")
  const locale = useLocale()
  const [state, action, pending] = useActionState<FormState, FormData>(updateProducerFacts, {})
  const facts = [
    { name: "women_led", legend: t("womenLedQuestion"), value: womenLed },
    { name: "ethnic_minority_led", legend: t("ethnicMinorityLedQuestion"), value: ethnicMinorityLed },
  ]
  return (
    <form action={action} className="stack-form" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <FormOutcome error={state.error} ok={state.ok ? t("saved") : undefined} />
      {facts.map((fact) => (
        <fieldset key={fact.name}>
          <legend>{fact.legend}</legend>
          {(["yes", "no", "unknown"] as const).map((choice) => (
            <label key={choice} className="radio-row">
              <input type="radio" name={fact.name} value={choice} defaultChecked={asChoice(fact.value) === choice} />
              {t(`factChoice.${choice}`)}
            </label>
          ))}
        </fieldset>
      ))}
      <button type="submit" className="button-primary" disabled={pending}>
        {t("saveProfile")}
      </button>
    </form>
  )
}
