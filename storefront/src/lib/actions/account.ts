"use server"

import { z } from "zod"
import { getTranslations } from "next-intl/server"
import { redirect } from "next/navigation"
import { sdk } from "../medusa"
import { readCartId, forgetToken, saveToken } from "../data/session"
import { authenticateWithPassword, isTooManyAttempts } from "../data/sign-in"
import { fieldErrors, readForm, type FormState } from "./form-state"

const localeField = z.enum(["vi", "en"]).default("vi")
const credentials = z.object({
  locale: localeField,
  email: z.email("email"),
  password: z.string().min(8, "password"),
  next: z
    .string()
    .regex(/^\/(vi|en)(\/[\w\-/]*)?$/)
    .optional()
    .catch(undefined),
})
const registration = credentials.extend({ full_name: z.string().trim().min(2, "fullName").max(100, "fullName") })

/** A guest's cart follows the buyer into their account, so the order lands in their history. */
async function adoptCart(token: string) {
  const cartId = await readCartId()
  if (cartId) await sdk.store.cart.transferCart(cartId, {}, { authorization: `Bearer ${token}` }).catch(() => undefined)
}

export async function logIn(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  const parsed = credentials.safeParse(raw)
  const t = await getTranslations({ locale: raw.locale === "en" ? "en" : "vi", namespace: "account" })
  if (!parsed.success) return { fields: translate(fieldErrors(parsed.error), t) }
  let token: string
  try {
    token = await authenticateWithPassword("customer", "login", parsed.data.email, parsed.data.password)
  } catch (error) {
    return { error: isTooManyAttempts(error) ? t("tooManyAttempts") : t("wrongCredentials") }
  }
  await saveToken(token)
  await adoptCart(token)
  redirect(parsed.data.next ?? `/${parsed.data.locale}/account`)
}

export async function register(_: FormState, form: FormData): Promise<FormState> {
  const raw = readForm(form)
  const parsed = registration.safeParse(raw)
  const t = await getTranslations({ locale: raw.locale === "en" ? "en" : "vi", namespace: "account" })
  if (!parsed.success) return { fields: translate(fieldErrors(parsed.error), t) }
  const { email, password, full_name } = parsed.data
  try {
    const registrationToken = await authenticateWithPassword("customer", "register", email, password)
    await sdk.store.customer.create({ email, first_name: full_name, last_name: "" }, {}, { authorization: `Bearer ${registrationToken}` })
  } catch (error) {
    if (isTooManyAttempts(error)) return { error: t("tooManyAttempts") }
    const message = (error as Error).message ?? ""
    return /exist/i.test(message) ? { fields: { email: t("emailTaken") } } : { error: t("registerFailed", { reason: message }) }
  }
  // The registration token carries no customer yet; a fresh login does.
  const token = await authenticateWithPassword("customer", "login", email, password)
  await saveToken(token)
  await adoptCart(token)
  redirect(parsed.data.next ?? `/${parsed.data.locale}/account`)
}

export async function logOut(form: FormData) {
  await forgetToken()
  redirect(`/${form.get("locale") === "en" ? "en" : "vi"}`)
}

function translate(fields: Record<string, string>, t: (key: string) => string) {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, t(`errors.${v}`)]))
}
