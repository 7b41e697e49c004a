"use server"

import { revalidatePath } from "next/cache"
import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { z } from "zod"
import { sdk } from "../medusa"
import { producerFetch } from "../data/producer"
import { authenticateWithPassword, isTooManyAttempts } from "../data/sign-in"
import { forgetProducerToken, saveProducerToken } from "../data/session"
import { readShippedLots } from "../lots"
import { fieldErrors, readForm, type FormState } from "./form-state"

const locale = z.enum(["vi", "en"]).default("vi")

/** The backend's message starts with the field and says it in Vietnamese then English; the portal shows it whole. */
function backendMessage(error: unknown) {
  return (error as { message?: string }).message ?? String(error)
}

export async function logInProducer(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  const t = await getTranslations({ locale: raw.locale === "en" ? "en" : "vi", namespace: "portal" })
  const parsed = z.object({ locale, email: z.email(), password: z.string().min(1) }).safeParse(raw)
  if (!parsed.success) return { error: t("wrongCredentials") }
  let token: string
  try {
    token = await authenticateWithPassword("producer", "login", parsed.data.email, parsed.data.password)
  } catch (error) {
    return { error: isTooManyAttempts(error) ? t("tooManyAttempts") : t("wrongCredentials") }
  }
  await saveProducerToken(token)
  redirect(`/${parsed.data.locale}/portal`)
}

export async function logOutProducer(form: FormData) {
  await forgetProducerToken()
  redirect(`/${form.get("locale") === "en" ? "en" : "vi"}/portal/login`)
}

const variantFields = z.object({ id: z.string(), price_vnd: z.coerce.number().int().min(0).max(1_000_000_000), stock: z.string().optional() })

/**
 * One form edits the listing: text, status and each variant's price (VND) and stock. Prices are whole đồng;
 * stars and certificates are not on the form at all — they come from the certification list.
 */
export async function updateListing(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  const t = await getTranslations({ locale: raw.locale === "en" ? "en" : "vi", namespace: "portal" })
  const ids = form.getAll("variant_id").map(String)
  const variants = ids.map((id) => ({ id, price_vnd: raw[`price_${id}`], stock: raw[`stock_${id}`] }))
  const schema = z.object({
    title: z.string().trim().min(2, t("errors.title")).max(200, t("errors.title")),
    description: z.string().trim().max(5000, t("errors.description")),
    status: z.enum(["published", "draft"]),
  })
  const parsed = schema.safeParse(raw)
  const fields: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error)
  const parsedVariants = variants.map((v) => {
    const result = variantFields.safeParse(v)
    if (!result.success) fields[`price_${v.id}`] = t("errors.price")
    const stock = v.stock === undefined || v.stock === "" ? undefined : Number(v.stock)
    if (stock !== undefined && (!Number.isInteger(stock) || stock < 0)) fields[`stock_${v.id}`] = t("errors.stock")
    return result.success ? { id: v.id, price_vnd: result.data.price_vnd, ...(stock !== undefined ? { stock } : {}) } : null
  })
  if (!parsed.success || Object.keys(fields).length) return { error: t("fixFields"), fields }
  try {
    await producerFetch(`/producer/products/${encodeURIComponent(raw.product_id)}`, {
      method: "POST",
      body: { ...parsed.data, variants: parsedVariants },
    })
  } catch (error) {
    return { error: backendMessage(error) }
  }
  revalidatePath(`/[locale]/portal/products/${raw.product_id}`, "page")
  return { ok: true }
}

/**
 * "Thêm quy cách": a pack size (title, VND price, optional stock) on an own listing. A showcase listing (imported,
 * no price) becomes purchasable with its first one; the backend adds the pack-size option value.
 */
export async function addPackSize(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  const t = await getTranslations({ locale: raw.locale === "en" ? "en" : "vi", namespace: "portal" })
  const schema = z.object({
    product_id: z.string().min(1),
    pack_title: z.string().trim().min(1, t("errors.packTitle")).max(100, t("errors.packTitle")),
    pack_price: z.coerce
      .number({ message: t("errors.price") })
      .int(t("errors.price"))
      .min(1000, t("errors.price"))
      .max(1_000_000_000, t("errors.price")),
    pack_stock: z
      .union([z.literal(""), z.coerce.number().int(t("errors.stock")).min(0, t("errors.stock"))])
      .optional()
      .transform((v) => (v === "" || v === undefined ? undefined : v)),
  })
  const parsed = schema.safeParse(raw)
  if (!parsed.success) return { error: t("fixFields"), fields: fieldErrors(parsed.error) }
  const { product_id, pack_title, pack_price, pack_stock } = parsed.data
  try {
    await producerFetch(`/producer/products/${encodeURIComponent(product_id)}/variants`, {
      method: "POST",
      body: { title: pack_title, price_vnd: pack_price, ...(pack_stock !== undefined ? { stock: pack_stock } : {}) },
    })
  } catch (error) {
    return { error: backendMessage(error) }
  }
  revalidatePath(`/[locale]/portal/products/${product_id}`, "page")
  return { ok: true }
}

export async function uploadPhotos(_: FormState, form: FormData): Promise<FormState> {
  const t = await getTranslations({ locale: form.get("locale") === "en" ? "en" : "vi", namespace: "portal" })
  const productId = String(form.get("product_id") ?? "")
  const files = form.getAll("files").filter((f): f is File => f instanceof File && f.size > 0)
  if (!files.length) return { error: t("errors.noPhoto") }
  const body = new FormData()
  for (const file of files) body.append("files", file, file.name)
  try {
    // Multipart: the SDK must not set its JSON content type, fetch writes the boundary.
    await producerFetch(`/producer/products/${encodeURIComponent(productId)}/images`, {
      method: "POST",
      body,
      headers: { "content-type": null },
    })
  } catch (error) {
    return { error: backendMessage(error) }
  }
  revalidatePath(`/[locale]/portal/products/${productId}`, "page")
  return { ok: true }
}

export async function deletePhoto(form: FormData) {
  const productId = String(form.get("product_id"))
  await producerFetch(`/producer/products/${encodeURIComponent(productId)}/images/${encodeURIComponent(String(form.get("image_id")))}`, {
    method: "DELETE",
  })
  revalidatePath(`/[locale]/portal/products/${productId}`, "page")
}

export async function recordShipment(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  const lots = readShippedLots(raw)
  try {
    await producerFetch(`/producer/orders/${encodeURIComponent(raw.order_id)}/fulfillments`, {
      method: "POST",
      body: {
        status: raw.status,
        ...(raw.carrier ? { carrier: raw.carrier } : {}),
        ...(raw.tracking_number ? { tracking_number: raw.tracking_number } : {}),
        ...(lots.length ? { lots } : {}),
      },
    })
  } catch (error) {
    return { error: backendMessage(error) }
  }
  revalidatePath("/[locale]/portal/orders", "page")
  return { ok: true }
}

/** Confirms delivery of, or cancels, the producer's own part of an order (the backend finds the part from the actor). */
export async function changeOrderPart(_: FormState, form: FormData): Promise<FormState> {
  const parsed = z.object({ order_id: z.string().min(1), action: z.enum(["delivery", "cancel"]) }).safeParse(readForm(form))
  if (!parsed.success) return { error: "action: delivery | cancel" }
  try {
    await producerFetch(`/producer/orders/${encodeURIComponent(parsed.data.order_id)}/${parsed.data.action}`, { method: "POST", body: {} })
  } catch (error) {
    return { error: backendMessage(error) }
  }
  revalidatePath("/[locale]/portal/orders", "page")
  revalidatePath("/[locale]/portal/payouts", "page")
  return { ok: true }
}

/**
 * Register a producer identity, make it a member with the registration token (invite or bare member), then sign
 * in: only a token issued after that carries the member, and it is kept in the portal's cookie.
 */
async function signUpProducer(email: string, password: string, becomeMember: (registrationToken: string) => Promise<unknown>) {
  await becomeMember(await authenticateWithPassword("producer", "register", email, password))
  await saveProducerToken(await authenticateWithPassword("producer", "login", email, password))
}

/**
 * An invited person opens the operator's link, picks a password and becomes a member of the producer: register
 * the identity, accept the invite with the registration token, then sign in for a token that carries the member.
 */
export async function acceptInvite(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  const t = await getTranslations({ locale: raw.locale === "en" ? "en" : "vi", namespace: "portal" })
  const parsed = z
    .object({
      locale,
      token: z.string().min(10),
      name: z.string().trim().min(2, t("errors.name")).max(100, t("errors.name")),
      email: z.email(t("errors.email")),
      password: z.string().min(8, t("errors.password")),
    })
    .safeParse(raw)
  if (!parsed.success) return { error: t("fixFields"), fields: fieldErrors(parsed.error) }
  const { email, password, name, token } = parsed.data
  try {
    await signUpProducer(email, password, (registration) =>
      sdk.client.fetch("/producer/invites/accept", { method: "POST", body: { token, name }, headers: { authorization: `Bearer ${registration}` } })
    )
  } catch (error) {
    return { error: backendMessage(error) }
  }
  redirect(`/${parsed.data.locale}/portal`)
}

/**
 * A person who runs an imported producer asks to manage it: register, become a member without a producer, sign
 * in, then file the claim the operator approves (POST /admin/producer-claims/:id/approve).
 */
export async function claimProducer(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  const t = await getTranslations({ locale: raw.locale === "en" ? "en" : "vi", namespace: "portal" })
  const parsed = z
    .object({
      locale,
      producer_id: z.string().min(1),
      name: z.string().trim().min(2, t("errors.name")).max(100, t("errors.name")),
      email: z.email(t("errors.email")),
      password: z.string().min(8, t("errors.password")),
      message: z.string().trim().max(1000, t("errors.message")).optional(),
    })
    .safeParse(raw)
  if (!parsed.success) return { error: t("fixFields"), fields: fieldErrors(parsed.error) }
  const { email, password, name, producer_id, message } = parsed.data
  try {
    await signUpProducer(email, password, (registration) =>
      sdk.client.fetch("/producer/members", { method: "POST", body: { name }, headers: { authorization: `Bearer ${registration}` } })
    )
    await producerFetch("/producer/claims", { method: "POST", body: { producer_id, ...(message ? { message } : {}) } })
  } catch (error) {
    return { error: backendMessage(error) }
  }
  redirect(`/${parsed.data.locale}/portal`)
}

const factChoice = z.enum(["yes", "no", "unknown"]).transform((v) => (v === "unknown" ? null : v === "yes"))

/** The profile's yes / no / not-said facts (women-led, ethnic-minority-led); "not said" is sent as null. */
export async function updateProducerFacts(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  const t = await getTranslations({ locale: raw.locale === "en" ? "en" : "vi", namespace: "portal" })
  const parsed = z
    .object({ women_led: factChoice, ethnic_minority_led: factChoice })
    .safeParse({ women_led: raw.women_led ?? "unknown", ethnic_minority_led: raw.ethnic_minority_led ?? "unknown" })
  if (!parsed.success) return { error: t("fixFields"), fields: fieldErrors(parsed.error) }
  try {
    await producerFetch("/producer/producer", { method: "POST", body: parsed.data })
  } catch (error) {
    return { error: backendMessage(error) }
  }
  revalidatePath("/[locale]/portal", "page")
  return { ok: true }
}

/** An amount field of the delivery form: empty = the operator's default (null), else whole đồng ≥ 0. */
const shippingAmount = (message: string) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      // "30.000" and "30 000" are how people write đồng.
      const digits = value.replace(/[.\s]/g, "")
      if (digits === "") return null
      if (!/^\d{1,9}$/.test(digits) || Number(digits) > 100_000_000) {
        ctx.addIssue({ code: "custom", message })
        return z.NEVER
      }
      return Number(digits)
    })

/** The producer's delivery fee and free-shipping threshold for its order parts (issue 15 point 3). */
export async function updateProducerShipping(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  const t = await getTranslations({ locale: raw.locale === "en" ? "en" : "vi", namespace: "portal" })
  const parsed = z
    .object({ shipping_fee: shippingAmount(t("errors.shippingAmount")), free_shipping_from: shippingAmount(t("errors.shippingAmount")) })
    .safeParse({ shipping_fee: raw.shipping_fee ?? "", free_shipping_from: raw.free_shipping_from ?? "" })
  if (!parsed.success) return { error: t("fixFields"), fields: fieldErrors(parsed.error) }
  try {
    await producerFetch("/producer/shipping", { method: "POST", body: parsed.data })
  } catch (error) {
    return { error: backendMessage(error) }
  }
  revalidatePath("/[locale]/portal", "page")
  return { ok: true }
}
