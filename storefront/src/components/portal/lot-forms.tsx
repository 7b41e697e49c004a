"use client"

import { useActionState, useState } from "react"
import { useTranslations } from "next-intl"
import { FormField, FormOutcome } from "@/components/form-field"
import type { FormState } from "@/lib/actions/form-state"
import type { LotTemplate } from "@ocop/contracts"
import {
  addLotStep,
  createLot,
  deleteLotTemplate,
  issueLotSerials,
  recallLot,
  saveLotTemplate,
  uploadLotDocument,
  voidLotSerials,
} from "@/lib/actions/lots"
import { applyLotTemplate, copyLastLot, STEP_PRESETS, type LotDraft } from "@/lib/lots"

type Product = { id: string; title: string }
type LastLot = Parameters<typeof copyLastLot>[0][number]
type StepKind = "harvest" | "process" | "pack" | "other"
type StepRow = { key: number; kind: StepKind; note: string }

/**
 * The new-lot form, made for a phone: pick the product, optionally copy what stays the same from its last lot or fill
 * it from a saved template, tap the step chips (thu hoạch → sơ chế → đóng gói) to add rows, and photograph a step with
 * the camera. Nothing is pre-filled by default, so no two lots read the same unless the producer copies. Under it,
 * "Lưu làm mẫu" keeps the reusable parts (never the code or dates) as a named template.
 */
export function NewLotForm({
  locale,
  products,
  lots,
  templates,
  communes,
  productId,
}: {
  locale: string
  products: Product[]
  lots: LastLot[]
  templates: LotTemplate[]
  /** the communes of the producer's province, offered as suggestions for the commune code */
  communes: { code: string; name: string }[]
  productId?: string
}) {
  const t = useTranslations("portalLots")
  const [state, action, pending] = useActionState<FormState, FormData>(createLot, {})
  const [saved, saveAction, saving] = useActionState<FormState, FormData>(saveLotTemplate, {})
  const [removed, removeAction, removing] = useActionState<FormState, FormData>(deleteLotTemplate, {})
  const [draft, setDraft] = useState<LotDraft>({ product_id: productId ?? "", growing_area_code: "", commune_code: "", quantity: "" })
  const [rows, setRows] = useState<StepRow[]>([])
  const [templateId, setTemplateId] = useState("")
  const hasLast = lots.some((l) => l.product_id === draft.product_id)
  const picked = templates.find((tpl) => tpl.id === templateId)
  const f = state.fields ?? {}
  const typed = state.values ?? {}
  const set = (key: keyof LotDraft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value })
  const applyTemplate = (id: string) => {
    setTemplateId(id)
    const template = templates.find((tpl) => tpl.id === id)
    if (!template) return
    const filled = applyLotTemplate(template, draft.product_id)
    setDraft(filled.draft)
    setRows(filled.steps.map((step, i) => ({ key: Date.now() + i, kind: step.kind, note: step.note })))
  }
  return (
    <>
      {templates.length ? (
        <div className="stack-form lot-templates">
          <label htmlFor="lot-template">{t("template")}</label>
          <select id="lot-template" value={picked ? templateId : ""} onChange={(e) => applyTemplate(e.target.value)}>
            <option value="">{t("pickTemplate")}</option>
            {templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.name}
              </option>
            ))}
          </select>
          {picked ? (
            <form action={removeAction}>
              <input type="hidden" name="template_id" value={picked.id} />
              <button type="submit" className="link-button" disabled={removing}>
                {t("deleteTemplate", { name: picked.name })}
              </button>
            </form>
          ) : null}
          <FormOutcome error={removed.error} />
        </div>
      ) : null}
      <form action={action} className="stack-form lot-form">
        <input type="hidden" name="locale" value={locale} />
        <label htmlFor="lot-product">{t("product")}</label>
        <select
          id="lot-product"
          name="product_id"
          value={draft.product_id}
          onChange={set("product_id")}
          required
          aria-invalid={f.product_id ? true : undefined}
        >
          <option value="">{t("pickProduct")}</option>
          {products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
        {hasLast ? (
          <button type="button" className="button-secondary" onClick={() => setDraft(copyLastLot(lots, draft.product_id))}>
            {t("copyLast")}
          </button>
        ) : null}
        <FormField
          id="lot-code"
          name="code"
          label={t("code")}
          required
          maxLength={20}
          error={f.code}
          autoCapitalize="characters"
          defaultValue={typed.code}
        />
        <FormField id="lot-made-on" name="made_on" type="date" label={t("madeOn")} required error={f.made_on} defaultValue={typed.made_on} />
        <FormField
          id="lot-best-before"
          name="best_before"
          type="date"
          label={t("bestBefore")}
          error={f.best_before}
          defaultValue={typed.best_before}
        />
        <FormField
          id="lot-quantity"
          name="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          label={t("quantity")}
          required
          value={draft.quantity}
          onChange={set("quantity")}
          error={f.quantity}
        />
        <FormField
          id="lot-area"
          name="growing_area_code"
          label={t("growingArea")}
          value={draft.growing_area_code}
          onChange={set("growing_area_code")}
          error={f.growing_area_code}
        />
        <FormField
          id="lot-commune"
          name="commune_code"
          label={t("communeCode")}
          inputMode="numeric"
          list={communes.length ? "lot-communes" : undefined}
          value={draft.commune_code}
          onChange={set("commune_code")}
          error={f.commune_code}
        />
        {communes.length ? (
          <datalist id="lot-communes">
            {communes.map((c) => (
              <option key={c.code} value={c.code} label={c.name} />
            ))}
          </datalist>
        ) : null}
        <fieldset>
          <legend>{t("steps")}</legend>
          <div className="chip-row">
            {STEP_PRESETS.map((preset) => (
              <button
                key={preset.kind}
                type="button"
                className="button-secondary"
                onClick={() => setRows([...rows, { key: Date.now() + rows.length, kind: preset.kind, note: "" }])}
              >
                + {t(`stepKinds.${preset.kind}`)}
              </button>
            ))}
          </div>
          {rows.map((row, i) => (
            <div key={row.key} className="lot-step-row" data-testid="lot-step-row">
              <input type="hidden" name={`step_kind_${i}`} value={row.kind} />
              <p>
                <strong>
                  {i + 1}. {t(`stepKinds.${row.kind}`)}
                </strong>{" "}
                <button type="button" className="link-button" onClick={() => setRows(rows.filter((r) => r.key !== row.key))}>
                  {t("removeStep")}
                </button>
              </p>
              <FormField
                id={`step-date-${i}`}
                name={`step_date_${i}`}
                type="date"
                label={t("stepDate")}
                required
                defaultValue={typed[`step_date_${i}`]}
              />
              <FormField
                id={`step-note-${i}`}
                name={`step_note_${i}`}
                label={t("stepNote")}
                required
                maxLength={1000}
                value={row.note}
                onChange={(e) => setRows(rows.map((r) => (r.key === row.key ? { ...r, note: e.target.value } : r)))}
              />
              <FormField id={`step-photo-${i}`} name={`step_photo_${i}`} type="file" accept="image/*" capture="environment" label={t("stepPhoto")} />
            </div>
          ))}
        </fieldset>
        <FormOutcome error={state.error} />
        <button type="submit" className="button-primary" disabled={pending}>
          {t("create")}
        </button>
      </form>
      <details className="lot-template-save">
        <summary>{t("saveTemplateTitle")}</summary>
        {/* The lot form's reusable parts, mirrored from its state: its code, dates and photos stay out. */}
        <form action={saveAction} className="stack-form">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="quantity" value={draft.quantity} />
          <input type="hidden" name="growing_area_code" value={draft.growing_area_code} />
          <input type="hidden" name="commune_code" value={draft.commune_code} />
          {rows.map((row, i) => (
            <span key={row.key}>
              <input type="hidden" name={`step_kind_${i}`} value={row.kind} />
              <input type="hidden" name={`step_note_${i}`} value={row.note} />
            </span>
          ))}
          <p className="hint">{t("saveTemplateHint")}</p>
          <FormField
            id="template-name"
            name="template_name"
            label={t("templateName")}
            required
            maxLength={80}
            defaultValue={picked?.name ?? saved.values?.template_name}
            key={picked?.id ?? "new"}
            error={saved.fields?.template_name}
          />
          <FormOutcome error={saved.error} ok={saved.ok ? t("templateSaved") : undefined} />
          <button type="submit" className="button-secondary" disabled={saving}>
            {t("saveTemplate")}
          </button>
        </form>
      </details>
    </>
  )
}

export function AddStepForm({ locale, lotId }: { locale: string; lotId: string }) {
  const t = useTranslations("portalLots")
  const [state, action, pending] = useActionState<FormState, FormData>(addLotStep, {})
  const f = state.fields ?? {}
  return (
    <form action={action} className="stack-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="lot_id" value={lotId} />
      <fieldset>
        <legend>{t("stepKind")}</legend>
        <div className="chip-row">
          {(["harvest", "process", "pack", "other"] as const).map((kind, i) => (
            <label key={kind} className="radio-row">
              <input type="radio" name="kind" value={kind} defaultChecked={i === 0} />
              {t(`stepKinds.${kind}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <FormField id="add-step-date" name="happened_on" type="date" label={t("stepDate")} required error={f.happened_on} />
      <FormField id="add-step-note" name="note" label={t("stepNote")} required maxLength={1000} error={f.note} />
      <FormField id="add-step-photo" name="photo" type="file" accept="image/*" capture="environment" label={t("stepPhoto")} />
      <FormOutcome error={state.error} ok={state.ok ? t("saved") : undefined} />
      <button type="submit" className="button-primary" disabled={pending}>
        {t("addStep")}
      </button>
    </form>
  )
}

export function DocumentForm({ locale, lotId }: { locale: string; lotId: string }) {
  const t = useTranslations("portalLots")
  const [state, action, pending] = useActionState<FormState, FormData>(uploadLotDocument, {})
  const f = state.fields ?? {}
  return (
    <form action={action} className="stack-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="lot_id" value={lotId} />
      <label htmlFor="doc-kind">{t("documentKind")}</label>
      <select id="doc-kind" name="kind" required defaultValue="">
        <option value="" disabled>
          {t("pickKind")}
        </option>
        {(["food_safety", "self_declaration", "lab_result", "other"] as const).map((kind) => (
          <option key={kind} value={kind}>
            {t(`documentKinds.${kind}`)}
          </option>
        ))}
      </select>
      {f.kind ? <span className="field-error">{f.kind}</span> : null}
      <FormField id="doc-title" name="title" label={t("documentTitle")} required maxLength={200} error={f.title} />
      <FormField id="doc-file" name="file" type="file" accept="application/pdf,image/*" label={t("documentFile")} required error={f.file} />
      <label className="radio-row">
        <input type="checkbox" name="is_public" />
        {t("documentPublic")}
      </label>
      <FormOutcome error={state.error} ok={state.ok ? t("saved") : undefined} />
      <button type="submit" className="button-primary" disabled={pending}>
        {t("upload")}
      </button>
    </form>
  )
}

export function RecallForm({ locale, lotId }: { locale: string; lotId: string }) {
  const t = useTranslations("portalLots")
  const [state, action, pending] = useActionState<FormState, FormData>(recallLot, {})
  const f = state.fields ?? {}
  return (
    <form action={action} className="stack-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="lot_id" value={lotId} />
      <FormField id="recall-reason" name="reason" label={t("recallReason")} required minLength={5} maxLength={1000} error={f.reason} />
      <FormOutcome error={state.error} ok={state.ok ? t("recalled") : undefined} />
      <button type="submit" className="button-danger" disabled={pending}>
        {t("recall")}
      </button>
    </form>
  )
}

/**
 * Asks for per-unit serials of the lot. `requestKey` is drawn by the page's server render: the same form posted twice
 * (double tap, retry) names the same request and the backend answers the batch it already issued.
 */
export function SerialsForm({ locale, lotId, requestKey }: { locale: string; lotId: string; requestKey: string }) {
  const t = useTranslations("portalLots")
  const [state, action, pending] = useActionState<FormState, FormData>(issueLotSerials, {})
  const f = state.fields ?? {}
  return (
    <form action={action} className="stack-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="lot_id" value={lotId} />
      <input type="hidden" name="request_key" value={requestKey} />
      <FormField
        id="serial-count"
        name="count"
        type="number"
        inputMode="numeric"
        min={1}
        max={1000}
        label={t("serialsCount")}
        required
        defaultValue={state.values?.count ?? ""}
        error={f.count}
      />
      <FormOutcome error={state.error} ok={state.ok ? t("serialsIssued", { count: Number(state.values?.count ?? 0) }) : undefined} />
      <button type="submit" className="button-primary" disabled={pending}>
        {t("serialsIssue")}
      </button>
    </form>
  )
}

/**
 * Voids serials whose labels were lost, stolen or misprinted: a whole batch picked from the list, or serials typed in
 * (one batch or the typed serials, not both), with a reason. A buyer who scans one is told it may not be genuine.
 */
export function VoidSerialsForm({ locale, lotId, batches }: { locale: string; lotId: string; batches: { id: string; label: string }[] }) {
  const t = useTranslations("portalLots")
  const [state, action, pending] = useActionState<FormState, FormData>(voidLotSerials, {})
  const f = state.fields ?? {}
  const typed = state.ok ? {} : (state.values ?? {})
  return (
    <form action={action} className="stack-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="lot_id" value={lotId} />
      <label htmlFor="void-batch">{t("voidBatch")}</label>
      <select id="void-batch" name="batch_id" defaultValue={typed.batch_id ?? ""}>
        <option value="">{t("voidNoBatch")}</option>
        {batches.map((batch) => (
          <option key={batch.id} value={batch.id}>
            {batch.label}
          </option>
        ))}
      </select>
      <label htmlFor="void-serials">{t("voidSerials")}</label>
      <textarea
        id="void-serials"
        name="serials"
        rows={2}
        autoCapitalize="characters"
        spellCheck={false}
        defaultValue={typed.serials ?? ""}
        aria-invalid={f.serials ? true : undefined}
        aria-describedby={f.serials ? "void-serials-error" : undefined}
      />
      {f.serials ? (
        <span id="void-serials-error" className="field-error">
          {f.serials}
        </span>
      ) : null}
      <FormField
        id="void-reason"
        name="reason"
        label={t("voidReason")}
        required
        minLength={5}
        maxLength={500}
        defaultValue={typed.reason ?? ""}
        error={f.reason}
      />
      <FormOutcome
        error={state.error}
        ok={state.ok ? t("voidDone", { voided: Number(state.values?.voided ?? 0), already: Number(state.values?.already ?? 0) }) : undefined}
      />
      <button type="submit" className="button-danger" disabled={pending}>
        {t("voidSubmit")}
      </button>
    </form>
  )
}
