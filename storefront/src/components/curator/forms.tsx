"use client"

import type { Certification } from "@ocop/contracts"
import { CERTIFYING_LEVELS, STAR_TIERS } from "@ocop/domain"
import { useActionState } from "react"
import { useLocale, useTranslations } from "next-intl"
import { acceptCuratorInvite, correctCertificate, decideClaim, logInCurator, revokeCertificate, rerateProduct } from "@/lib/actions/curator"
import type { ConsoleFormState as FormState } from "@/lib/curator/schemas"
import { FormField, FormOutcome } from "../form-field"

/**
 * React resets a form after its action to each input's first default: keyed by the values sent back, a refused
 * form is mounted again with what the curator typed.
 */
export function formKey(state: FormState) {
  return state.values ? JSON.stringify(state.values) : "initial"
}

/** The form-wide message: the backend's own, or "check the marked fields" when every problem sits by its field. */
export function outcome(state: FormState, fixFields: string) {
  return state.error ?? (state.fields && Object.keys(state.fields).length ? fixFields : undefined)
}

export function LocaleInput() {
  return <input type="hidden" name="locale" value={useLocale()} />
}

export function CuratorLoginForm() {
  const t = useTranslations("curator")
  const [state, action, pending] = useActionState<FormState, FormData>(logInCurator, {})
  return (
    <form action={action} className="stack-form" noValidate>
      <LocaleInput />
      <FormOutcome error={state.error} />
      <FormField id="curator-email" name="email" type="email" label={t("email")} autoComplete="username" required />
      <FormField id="curator-password" name="password" type="password" label={t("password")} autoComplete="current-password" required />
      <button type="submit" className="button-primary" disabled={pending}>
        {t("logIn")}
      </button>
    </form>
  )
}

export function CuratorInviteForm({ token }: { token: string }) {
  const t = useTranslations("curator")
  const [state, action, pending] = useActionState<FormState, FormData>(acceptCuratorInvite, {})
  const errors = state.fields ?? {}
  return (
    <form action={action} className="stack-form" noValidate>
      <LocaleInput />
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

function LevelSelect({ id, value, error }: { id: string; value?: string | null; error?: string }) {
  const t = useTranslations("curator")
  return (
    <>
      <label htmlFor={id}>{t("certifyingLevel")}</label>
      <select
        id={id}
        name="certifying_level"
        defaultValue={value ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{t("notSet")}</option>
        {CERTIFYING_LEVELS.map((level) => (
          <option key={level} value={level}>
            {t(`level.${level}`)}
          </option>
        ))}
      </select>
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </>
  )
}

type Current = Pick<Certification, "decision_number" | "decision_date" | "certifying_level" | "valid_until">

export function CorrectCertificateForm({ certificateId, current }: { certificateId: string; current: Current }) {
  const t = useTranslations("curator")
  const [state, action, pending] = useActionState<FormState, FormData>(correctCertificate, {})
  const errors = state.fields ?? {}
  const v = state.values ?? {}
  return (
    <form key={formKey(state)} action={action} className="stack-form" noValidate aria-labelledby="correct-heading">
      <h2 id="correct-heading">{t("correctTitle")}</h2>
      <p className="hint">{t("correctLead")}</p>
      <LocaleInput />
      <input type="hidden" name="certificate_id" value={certificateId} />
      {(["decision_number", "decision_date", "certifying_level", "valid_until"] as const).map((field) => (
        <input key={field} type="hidden" name={`was_${field}`} value={current[field] ?? ""} />
      ))}
      <FormOutcome error={outcome(state, t("fixFields"))} ok={state.ok ? t("corrected") : undefined} />
      <FormField
        id="correct-number"
        name="decision_number"
        label={t("decisionNumber")}
        defaultValue={v.decision_number ?? current.decision_number ?? ""}
        error={errors.decision_number}
      />
      <FormField
        id="correct-date"
        name="decision_date"
        type="date"
        label={t("decisionDate")}
        defaultValue={v.decision_date ?? current.decision_date ?? ""}
        error={errors.decision_date}
      />
      <LevelSelect id="correct-level" value={v.certifying_level ?? current.certifying_level} error={errors.certifying_level} />
      <FormField
        id="correct-until"
        name="valid_until"
        type="date"
        label={t("validUntil")}
        defaultValue={v.valid_until ?? current.valid_until ?? ""}
        error={errors.valid_until}
      />
      <FormField id="correct-note" name="note" label={t("note")} defaultValue={v.note ?? ""} error={errors.note} />
      <button type="submit" className="button-primary" disabled={pending}>
        {t("saveCorrection")}
      </button>
    </form>
  )
}

export function RevokeCertificateForm({ certificateId }: { certificateId: string }) {
  const t = useTranslations("curator")
  const [state, action, pending] = useActionState<FormState, FormData>(revokeCertificate, {})
  const errors = state.fields ?? {}
  const v = state.values ?? {}
  return (
    <form key={formKey(state)} action={action} className="stack-form danger-form" noValidate aria-labelledby="revoke-heading">
      <h2 id="revoke-heading">{t("revokeTitle")}</h2>
      <p className="hint">{t("revokeLead")}</p>
      <LocaleInput />
      <input type="hidden" name="certificate_id" value={certificateId} />
      <FormOutcome error={outcome(state, t("fixFields"))} ok={state.ok ? t("revoked_ok") : undefined} />
      <FormField
        id="revoke-number"
        name="decision_number"
        label={t("revokeNumber")}
        defaultValue={v.decision_number ?? ""}
        required
        error={errors.decision_number}
      />
      <FormField
        id="revoke-date"
        name="decision_date"
        type="date"
        label={t("revokeDate")}
        defaultValue={v.decision_date ?? ""}
        required
        error={errors.decision_date}
      />
      <FormField id="revoke-reason" name="reason" label={t("reason")} defaultValue={v.reason ?? ""} required error={errors.reason} />
      <button type="submit" className="button-danger" disabled={pending}>
        {t("revoke")}
      </button>
    </form>
  )
}

export function RerateForm({ productId, stars }: { productId: string; stars: number }) {
  const t = useTranslations("curator")
  const [state, action, pending] = useActionState<FormState, FormData>(rerateProduct, {})
  const errors = state.fields ?? {}
  const v = state.values ?? {}
  return (
    <form key={formKey(state)} action={action} className="stack-form" noValidate aria-labelledby="rerate-heading">
      <h2 id="rerate-heading">{t("rerateTitle")}</h2>
      <p className="hint">{t("rerateLead")}</p>
      <LocaleInput />
      <input type="hidden" name="product_id" value={productId} />
      <FormOutcome error={outcome(state, t("fixFields"))} ok={state.ok ? t("rerated") : undefined} />
      <label htmlFor="rerate-stars">{t("starsLabel")}</label>
      <select
        id="rerate-stars"
        name="stars"
        defaultValue={v.stars ?? String(stars)}
        aria-invalid={errors.stars ? true : undefined}
        aria-describedby={errors.stars ? "rerate-stars-error" : undefined}
      >
        {STAR_TIERS.map((n) => (
          <option key={n} value={n}>
            {t("starsTier", { stars: n })}
          </option>
        ))}
      </select>
      {errors.stars ? (
        <span id="rerate-stars-error" className="field-error">
          {errors.stars}
        </span>
      ) : null}
      <FormField
        id="rerate-number"
        name="decision_number"
        label={t("decisionNumber")}
        defaultValue={v.decision_number ?? ""}
        required
        error={errors.decision_number}
      />
      <FormField
        id="rerate-date"
        name="decision_date"
        type="date"
        label={t("decisionDate")}
        defaultValue={v.decision_date ?? ""}
        required
        error={errors.decision_date}
      />
      <LevelSelect id="rerate-level" value={v.certifying_level} error={errors.certifying_level} />
      <FormField
        id="rerate-until"
        name="valid_until"
        type="date"
        label={t("validUntil")}
        defaultValue={v.valid_until ?? ""}
        error={errors.valid_until}
      />
      <FormField id="rerate-note" name="note" label={t("note")} defaultValue={v.note ?? ""} error={errors.note} />
      <button type="submit" className="button-primary" disabled={pending}>
        {t("rerate")}
      </button>
    </form>
  )
}

export function ClaimDecision({ claimId, producer }: { claimId: string; producer: string }) {
  const t = useTranslations("curator")
  const [state, action, pending] = useActionState<FormState, FormData>(decideClaim, {})
  if (state.ok)
    return (
      <p role="status" className="form-ok">
        {t("decided")}
      </p>
    )
  return (
    <form action={action} className="claim-decision">
      <input type="hidden" name="claim_id" value={claimId} />
      <FormOutcome error={state.error} />
      <button type="submit" name="decision" value="approve" className="button-primary" disabled={pending} aria-label={`${t("approve")}: ${producer}`}>
        {t("approve")}
      </button>
      <button type="submit" name="decision" value="reject" className="button-secondary" disabled={pending} aria-label={`${t("reject")}: ${producer}`}>
        {t("reject")}
      </button>
    </form>
  )
}
