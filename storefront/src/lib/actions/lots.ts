"use server"

import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { staffLotAnswer } from "@ocop/contracts"
import { isSerialCode, SERIALS_PER_REQUEST_MAX } from "@ocop/domain"
import { z } from "zod"
import { issueProducerLotSerials, voidProducerLotSerials } from "../data/lots"
import { producerFetch } from "../data/producer"
import { readLotTemplateForm, readStepRows } from "../lots"
import { fieldErrors, readForm, type FormState } from "./form-state"

// The backend checks every field again and names it (Vietnamese, then English); the portal shows its message whole.
const backendMessage = (error: unknown) => (error as { message?: string }).message ?? String(error)
const localeOf = (raw: Record<string, string>) => (raw.locale === "en" ? "en" : "vi")
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null))

/** A photo from the phone's camera or gallery, if one was chosen. */
const photoOf = (form: FormData, name: string) => {
  const file = form.get(name)
  return file instanceof File && file.size > 0 ? file : null
}

async function postStep(lotId: string, step: { kind: string; happened_on: string; note: string }, photo: File) {
  const body = new FormData()
  body.append("kind", step.kind)
  body.append("happened_on", step.happened_on)
  body.append("note", step.note)
  body.append("files", photo, photo.name)
  // Multipart: the SDK must not set its JSON content type, fetch writes the boundary.
  await producerFetch(`/producer/lots/${encodeURIComponent(lotId)}/steps`, { method: "POST", body, headers: { "content-type": null } })
}

/**
 * "Lô mới": the lot and its photo-less steps in one request (the backend's create-lot workflow); steps with a photo
 * follow one by one through the photo pipeline. A failed photo leaves the lot and says so on its page.
 */
export async function createLot(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  const t = await getTranslations({ locale: localeOf(raw), namespace: "portalLots" })
  const parsed = z
    .object({
      product_id: z.string().min(1, t("errors.product")),
      code: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,19}$/, t("errors.code")),
      made_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, t("errors.madeOn")),
      best_before: optionalText,
      quantity: z.coerce
        .number({ message: t("errors.quantity") })
        .int(t("errors.quantity"))
        .min(1, t("errors.quantity")),
      growing_area_code: optionalText,
      commune_code: optionalText,
    })
    .safeParse(raw)
  if (!parsed.success) return { error: t("errors.fix"), fields: fieldErrors(parsed.error), values: raw }
  // Photos belong to their row: step_photo_N of row N.
  const withPhotos = readStepRows(raw).map((row) => ({ ...row, photo: photoOf(form, `step_photo_${row.index}`) }))
  const plain = withPhotos.filter((r) => !r.photo).map(({ kind, happened_on, note }) => ({ kind, happened_on, note }))
  let lotId: string
  try {
    const { lot } = staffLotAnswer.parse(await producerFetch("/producer/lots", { method: "POST", body: { ...parsed.data, steps: plain } }))
    lotId = lot.id
  } catch (error) {
    return { error: backendMessage(error), values: raw }
  }
  let photoFailed = false
  for (const row of withPhotos.filter((r) => r.photo)) {
    try {
      await postStep(lotId, row, row.photo as File)
    } catch {
      photoFailed = true
    }
  }
  revalidatePath("/[locale]/portal/lots", "page")
  redirect(`/${localeOf(raw)}/portal/lots/${lotId}${photoFailed ? "?photo=failed" : ""}`)
}

/**
 * "Lưu làm mẫu" under the new-lot form: its reusable parts (the form mirrors them into this form's hidden fields) under
 * a name; the same name again replaces that template. The backend names a refused field.
 */
export async function saveLotTemplate(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  const t = await getTranslations({ locale: localeOf(raw), namespace: "portalLots" })
  const body = readLotTemplateForm(raw)
  if (!body.name) return { error: t("errors.fix"), fields: { template_name: t("errors.templateName") }, values: raw }
  try {
    await producerFetch("/producer/lot-templates", { method: "POST", body })
  } catch (error) {
    return { error: backendMessage(error), values: raw }
  }
  revalidatePath("/[locale]/portal/lots/new", "page")
  return { ok: true }
}

/** "Xoá mẫu này": the producer's own template (another producer's id is a 404 on the backend). */
export async function deleteLotTemplate(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  try {
    await producerFetch(`/producer/lot-templates/${encodeURIComponent(raw.template_id ?? "")}`, { method: "DELETE" })
  } catch (error) {
    return { error: backendMessage(error) }
  }
  revalidatePath("/[locale]/portal/lots/new", "page")
  return { ok: true }
}

/** "Thêm bước" on a lot's page: one step, with a photo from the camera if taken. */
export async function addLotStep(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  const t = await getTranslations({ locale: localeOf(raw), namespace: "portalLots" })
  const parsed = z
    .object({
      lot_id: z.string().min(1),
      kind: z.enum(["harvest", "process", "pack", "other"], { message: t("errors.kind") }),
      happened_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, t("errors.date")),
      note: z.string().trim().min(1, t("errors.note")).max(1000, t("errors.note")),
    })
    .safeParse(raw)
  if (!parsed.success) return { error: t("errors.fix"), fields: fieldErrors(parsed.error) }
  const { lot_id, ...step } = parsed.data
  const photo = photoOf(form, "photo")
  try {
    if (photo) await postStep(lot_id, step, photo)
    else await producerFetch(`/producer/lots/${encodeURIComponent(lot_id)}/steps`, { method: "POST", body: step })
  } catch (error) {
    return { error: backendMessage(error) }
  }
  revalidatePath(`/[locale]/portal/lots/${lot_id}`, "page")
  return { ok: true }
}

/** A document (PDF or photo) for the lot; the backend checks its type by content, its size and pages. */
export async function uploadLotDocument(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  const t = await getTranslations({ locale: localeOf(raw), namespace: "portalLots" })
  const parsed = z
    .object({
      lot_id: z.string().min(1),
      kind: z.enum(["food_safety", "self_declaration", "lab_result", "other"], { message: t("errors.kind") }),
      title: z.string().trim().min(1, t("errors.title")).max(200, t("errors.title")),
    })
    .safeParse(raw)
  const file = photoOf(form, "file")
  if (!parsed.success || !file) {
    return { error: t("errors.fix"), fields: { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...(file ? {} : { file: t("errors.file") }) } }
  }
  const body = new FormData()
  body.append("kind", parsed.data.kind)
  body.append("title", parsed.data.title)
  body.append("is_public", raw.is_public === "on" ? "true" : "false")
  body.append("file", file, file.name)
  try {
    await producerFetch(`/producer/lots/${encodeURIComponent(parsed.data.lot_id)}/documents`, {
      method: "POST",
      body,
      headers: { "content-type": null },
    })
  } catch (error) {
    return { error: backendMessage(error) }
  }
  revalidatePath(`/[locale]/portal/lots/${parsed.data.lot_id}`, "page")
  return { ok: true }
}

/** Recalls the lot with a reason: its scan page then warns every buyer who scans it. */
export async function recallLot(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  const t = await getTranslations({ locale: localeOf(raw), namespace: "portalLots" })
  const parsed = z
    .object({ lot_id: z.string().min(1), reason: z.string().trim().min(5, t("errors.reason")).max(1000, t("errors.reason")) })
    .safeParse(raw)
  if (!parsed.success) return { error: t("errors.fix"), fields: fieldErrors(parsed.error) }
  try {
    await producerFetch(`/producer/lots/${encodeURIComponent(parsed.data.lot_id)}/recall`, { method: "POST", body: { reason: parsed.data.reason } })
  } catch (error) {
    return { error: backendMessage(error) }
  }
  revalidatePath(`/[locale]/portal/lots/${parsed.data.lot_id}`, "page")
  return { ok: true }
}

/**
 * "Cấp mã sê-ri": N serials of the lot (one label sheet). The form carries a request key drawn when the page was
 * rendered, so a double tap or a retried post answers the batch already issued instead of issuing twice.
 */
export async function issueLotSerials(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  const t = await getTranslations({ locale: localeOf(raw), namespace: "portalLots" })
  const parsed = z
    .object({
      lot_id: z.string().min(1),
      request_key: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
      count: z.coerce
        .number({ message: t("errors.serialCount") })
        .int(t("errors.serialCount"))
        .min(1, t("errors.serialCount"))
        .max(SERIALS_PER_REQUEST_MAX, t("errors.serialCount")),
    })
    .safeParse(raw)
  if (!parsed.success) return { error: t("errors.fix"), fields: fieldErrors(parsed.error), values: raw }
  try {
    await issueProducerLotSerials(parsed.data.lot_id, parsed.data.count, parsed.data.request_key)
  } catch (error) {
    return { error: backendMessage(error), values: raw }
  }
  revalidatePath(`/[locale]/portal/lots/${parsed.data.lot_id}`, "page")
  return { ok: true, values: { count: String(parsed.data.count) } }
}

/**
 * "Hủy mã sê-ri": voids one batch (chosen from the list) or the serials typed in (spaces, commas or new lines between
 * them), never both, with a reason. Their checks then warn that a product bearing them may not be genuine.
 */
export async function voidLotSerials(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  const t = await getTranslations({ locale: localeOf(raw), namespace: "portalLots" })
  const parsed = z
    .object({
      lot_id: z.string().min(1),
      batch_id: z.string().trim().default(""),
      serials: z
        .string()
        .default("")
        .transform((v) =>
          v
            .toUpperCase()
            .split(/[\s,;]+/)
            .filter(Boolean)
        )
        .refine((codes) => codes.length <= SERIALS_PER_REQUEST_MAX && codes.every(isSerialCode), t("errors.voidSerials")),
      reason: z.string().trim().min(5, t("errors.voidReason")).max(500, t("errors.voidReason")),
    })
    .refine((v) => !v.batch_id !== !v.serials.length, { message: t("errors.voidTarget"), path: ["serials"] })
    .safeParse(raw)
  if (!parsed.success) return { error: t("errors.fix"), fields: fieldErrors(parsed.error), values: raw }
  const { lot_id, batch_id, serials, reason } = parsed.data
  try {
    const answer = await voidProducerLotSerials(lot_id, batch_id ? { batch_id } : { serials }, reason)
    revalidatePath(`/[locale]/portal/lots/${lot_id}`, "page")
    return { ok: true, values: { voided: String(answer.voided), already: String(answer.already_voided) } }
  } catch (error) {
    return { error: backendMessage(error), values: raw }
  }
}
