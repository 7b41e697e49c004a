"use server"

import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { z } from "zod"
import { sdk } from "../medusa"
import { curatorFetch, CuratorNotSignedIn, readImport } from "../data/curator"
import { authenticateWithPassword, isTooManyAttempts } from "../data/sign-in"
import { forgetCuratorToken, saveCuratorToken } from "../data/session"
import { importDetail, type ImportRun } from "@ocop/contracts"
import { importId, splitFieldErrors, type ConsoleFormState } from "../curator/schemas"
import { fieldErrors, readForm } from "./form-state"
import { stripControlCharacters } from "../search-state"

const locale = z.enum(["vi", "en"]).default("vi")

async function curatorTexts(raw: Record<string, string>) {
  return getTranslations({ locale: raw.locale === "en" ? "en" : "vi", namespace: "curator" })
}

/**
 * A backend 400 names its fields first: each message is shown beside its field, the rest above the form. The typed
 * values come back too: React resets a form after its action, and the curator must not retype a whole decision.
 */
function backendError(error: unknown, fields: readonly string[], values: Record<string, string>): ConsoleFormState {
  const message = (error as { message?: string }).message ?? String(error)
  const split = splitFieldErrors(message, fields)
  return { error: split.rest.length ? split.rest.join("; ") : undefined, fields: split.fields, values }
}

export async function logInCurator(_: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const raw = readForm(form)
  const t = await curatorTexts(raw)
  const parsed = z.object({ locale, email: z.email(), password: z.string().min(1) }).safeParse(raw)
  if (!parsed.success) return { error: t("wrongCredentials") }
  try {
    await saveCuratorToken(await authenticateWithPassword("curator", "login", parsed.data.email, parsed.data.password))
  } catch (error) {
    return { error: isTooManyAttempts(error) ? t("tooManyAttempts") : t("wrongCredentials") }
  }
  redirect(`/${parsed.data.locale}/curator`)
}

export async function logOutCurator(form: FormData) {
  await forgetCuratorToken()
  redirect(`/${form.get("locale") === "en" ? "en" : "vi"}/curator/login`)
}

/**
 * The invite link's one form: register the curator identity (or, for someone who already signs in as a producer
 * with that email, sign in — one identity, two actors), accept the invite with that token, then sign in again:
 * only a token issued after accepting carries the curator.
 */
export async function acceptCuratorInvite(_: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const raw = readForm(form)
  const t = await curatorTexts(raw)
  const parsed = z
    .object({
      locale,
      token: z.string().min(10),
      name: z.string().trim().min(2, t("errors.name")).max(200, t("errors.name")),
      email: z.email(t("errors.email")),
      password: z.string().min(8, t("errors.password")),
    })
    .safeParse(raw)
  if (!parsed.success) return { error: t("fixFields"), fields: fieldErrors(parsed.error) }
  const { email, password, name, token } = parsed.data
  let registration: string
  try {
    registration = await authenticateWithPassword("curator", "register", email, password)
  } catch (registerError) {
    if (isTooManyAttempts(registerError)) return { error: t("tooManyAttempts") }
    try {
      registration = await authenticateWithPassword("curator", "login", email, password)
    } catch {
      return { error: t("identityExists"), fields: { email: t("identityExists") } }
    }
  }
  try {
    await sdk.client.fetch("/curator/invites/accept", { method: "POST", body: { token, name }, headers: { authorization: `Bearer ${registration}` } })
    await saveCuratorToken(await authenticateWithPassword("curator", "login", email, password))
  } catch (error) {
    return backendError(error, ["name", "email"], {})
  }
  redirect(`/${parsed.data.locale}/curator`)
}

const CORRECTION_FIELDS = ["decision_number", "decision_date", "certifying_level", "valid_until", "note"] as const

/** Completes or corrects a certificate's decision: only the fields the curator changed are sent. */
export async function correctCertificate(_: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const raw = readForm(form)
  const t = await curatorTexts(raw)
  const body: Record<string, string> = {}
  for (const field of CORRECTION_FIELDS) {
    const value = (raw[field] ?? "").trim()
    if (value !== "" && value !== (raw[`was_${field}`] ?? "")) body[field] = value
  }
  if (!Object.keys(body).length || (Object.keys(body).length === 1 && body.note)) return { error: t("nothingChanged") }
  try {
    await curatorFetch(`/curator/certificates/${encodeURIComponent(raw.certificate_id)}`, { method: "POST", body })
  } catch (error) {
    return backendError(error, CORRECTION_FIELDS, raw)
  }
  revalidatePath("/[locale]/curator", "layout")
  return { ok: true }
}

/** Revokes a certificate with the revoking decision; the shop's badge and star facets drop it at once. */
export async function revokeCertificate(_: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const raw = readForm(form)
  const revoke = { decision_number: raw.decision_number ?? "", decision_date: raw.decision_date ?? "", reason: raw.reason ?? "" }
  try {
    await curatorFetch(`/curator/certificates/${encodeURIComponent(raw.certificate_id)}`, { method: "POST", body: { revoke } })
  } catch (error) {
    return backendError(error, ["decision_number", "decision_date", "reason"], raw)
  }
  revalidatePath("/[locale]/curator", "layout")
  return { ok: true }
}

const RERATING_FIELDS = ["stars", "decision_number", "decision_date", "certifying_level", "valid_until", "note"] as const

/** A new rating of the product (a new certificate superseding the current one); stars come as a number. */
export async function rerateProduct(_: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const raw = readForm(form)
  const body: Record<string, string | number> = {}
  for (const field of RERATING_FIELDS) {
    const value = (raw[field] ?? "").trim()
    if (value !== "") body[field] = field === "stars" ? Number(value) : value
  }
  let created: { certificate?: { id?: string } }
  try {
    created = await curatorFetch(`/curator/products/${encodeURIComponent(raw.product_id)}/certifications`, { method: "POST", body })
  } catch (error) {
    return backendError(error, RERATING_FIELDS, raw)
  }
  revalidatePath("/[locale]/curator", "layout")
  const id = created.certificate?.id
  if (id) redirect(`/${raw.locale === "en" ? "en" : "vi"}/curator/certificates/${encodeURIComponent(id)}`)
  return { ok: true }
}

/** Recalls a lot of the province with its reason; the lot's scan page shows the recall from then on. */
export async function recallProvinceLot(_: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const raw = readForm(form)
  try {
    await curatorFetch(`/curator/lots/${encodeURIComponent(raw.lot_id ?? "")}/recall`, { method: "POST", body: { reason: raw.reason ?? "" } })
  } catch (error) {
    return backendError(error, ["reason"], raw)
  }
  revalidatePath("/[locale]/curator", "layout")
  return { ok: true }
}

/** Approves or rejects a pending claim; a claim decided meanwhile answers 400 and its message is shown. */
export async function decideClaim(_: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const raw = readForm(form)
  const decision = raw.decision === "approve" ? "approve" : "reject"
  try {
    await curatorFetch(`/curator/claims/${encodeURIComponent(raw.claim_id)}/${decision}`, { method: "POST", body: {} })
  } catch (error) {
    return backendError(error, [], {})
  }
  revalidatePath("/[locale]/curator", "layout")
  return { ok: true }
}

const LIST_FIELDS = ["title", "description", "products", "starts_at", "ends_at", "province"] as const

/** Typed text as the list keeps it: no control characters (a description keeps its line breaks), trimmed. */
function sanitiseText(text: string | undefined, multiline = false) {
  const value = (text ?? "").normalize("NFC")
  return (multiline ? value.split(/\r?\n/).map(stripControlCharacters).join("\n") : stripControlCharacters(value)).trim()
}

/**
 * Creates a featured list or saves its fields and products (in the order the editor shows them). The backend
 * checks every product against the list's province and names a refused one; that message goes beside the
 * products. A new list opens in its own page, where the cover and publishing are.
 */
export async function saveFeaturedList(_: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const raw = readForm(form)
  const products = form.getAll("products").filter((v): v is string => typeof v === "string" && v !== "")
  const listId = raw.list_id ?? ""
  const description = sanitiseText(raw.description, true)
  const body: Record<string, unknown> = { title: sanitiseText(raw.title), products }
  // Empty dates are sent as they are, so the backend's message names the missing field.
  for (const field of ["starts_at", "ends_at"] as const) body[field] = (raw[field] ?? "").trim()
  if (description) body.description = description
  else if (listId) body.description = null
  if (!listId && raw.province) body.province = raw.province
  const values = { ...raw, title: String(body.title), description }
  let saved: { featured_list?: { id?: string } }
  try {
    saved = await curatorFetch(listId ? `/curator/featured-lists/${encodeURIComponent(listId)}` : "/curator/featured-lists", { method: "POST", body })
  } catch (error) {
    return backendError(error, LIST_FIELDS, values)
  }
  revalidatePath("/[locale]/curator/lists", "layout")
  if (!listId && saved.featured_list?.id)
    redirect(`/${raw.locale === "en" ? "en" : "vi"}/curator/lists/${encodeURIComponent(saved.featured_list.id)}`)
  return { ok: true, values }
}

/** The list's cover photo, sent on as multipart: the backend checks it and renders the shop's sizes. */
export async function uploadListCover(_: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const t = await curatorTexts(readForm(form))
  const listId = String(form.get("list_id") ?? "")
  const file = form.get("file")
  if (!(file instanceof File) || file.size === 0) return { fields: { file: t("lists.noCover") } }
  const body = new FormData()
  body.append("file", file, file.name)
  try {
    // Multipart: the SDK must not set its JSON content type, fetch writes the boundary.
    await curatorFetch(`/curator/featured-lists/${encodeURIComponent(listId)}/cover`, { method: "POST", body, headers: { "content-type": null } })
  } catch (error) {
    return backendError(error, ["file"], {})
  }
  revalidatePath("/[locale]/curator/lists", "layout")
  return { ok: true }
}

/** Publishes a list or takes it back to draft; the backend tells the shop to drop its cached pages. */
export async function setFeaturedListStatus(_: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const raw = readForm(form)
  const step = raw.status === "published" ? "publish" : "unpublish"
  try {
    await curatorFetch(`/curator/featured-lists/${encodeURIComponent(raw.list_id)}/${step}`, { method: "POST", body: {} })
  } catch (error) {
    return backendError(error, [], {})
  }
  revalidatePath("/[locale]/curator/lists", "layout")
  return { ok: true }
}

/** Hides a listing from the shop (or shows it again) with the curator's reason, kept in its history. */
export async function setListingVisibility(_: ConsoleFormState, form: FormData): Promise<ConsoleFormState> {
  const raw = readForm(form)
  const values = { reason: sanitiseText(raw.reason) }
  try {
    await curatorFetch(`/curator/products/${encodeURIComponent(raw.product_id)}/visibility`, {
      method: "POST",
      body: { hidden: raw.hidden === "true", reason: values.reason },
    })
  } catch (error) {
    return backendError(error, ["reason"], values)
  }
  revalidatePath("/[locale]/curator", "layout")
  return { ok: true }
}

export type ImportUploadState = { error?: string; run?: ImportRun }

/**
 * Sends the chosen list to the backend, which checks it and answers at once with the run (202); the rows are
 * written afterwards while the page polls readImportProgress (docs/importing.md, "Curator imports").
 */
export async function uploadImportList(_: ImportUploadState, form: FormData): Promise<ImportUploadState> {
  const raw = readForm(form)
  const t = await curatorTexts(raw)
  const file = form.get("file")
  if (!(file instanceof File) || file.size === 0) return { error: t("imports.noFile") }
  const body = new FormData()
  body.append("file", file, file.name)
  try {
    // Multipart: the SDK must not set its JSON content type, fetch writes the boundary.
    const answer = await curatorFetch("/curator/imports/file", { method: "POST", body, headers: { "content-type": null } })
    return { run: importDetail.parse(answer).import }
  } catch (error) {
    if (error instanceof CuratorNotSignedIn) redirect(`/${raw.locale === "en" ? "en" : "vi"}/curator/login`)
    return { error: (error as { message?: string }).message ?? String(error) }
  }
}

/** The run as it stands now; the progress bar calls it until the run is no longer running. */
export async function readImportProgress(id: string): Promise<ImportRun> {
  return readImport(importId.parse(id))
}
