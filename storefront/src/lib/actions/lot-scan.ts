"use server"

import { isSerialCode } from "@ocop/domain"
import { redirect } from "next/navigation"
import { z } from "zod"
import { recordLotScan } from "../data/lots"
import { lotSerialPagePath } from "../lots"

const scanForm = z.object({
  locale: z.enum(["vi", "en"]).catch("vi"),
  code: z.string().regex(/^[2-9A-HJKMNP-Z]{10}$/),
  // The backend checks the code against the province list (and answers 400 for another).
  province_code: z
    .string()
    .regex(/^\d{1,3}$/)
    .optional()
    .catch(undefined),
  // From a serial page: back there with its verdict (signed by the page, read there), not to the lot page.
  serial: z
    .string()
    .refine((v) => isSerialCode(v))
    .optional()
    .catch(undefined),
  verdict: z.string().max(500).optional().catch(undefined),
})

/**
 * "Bạn đang ở tỉnh nào?": the person may say which province they scan from; the scan is posted with it (the backend
 * counts it once per person and lot within its window). Works without JavaScript: a plain form post, then back to the
 * page with the outcome in the query (the serial page, when the form was on one).
 */
export async function reportLotProvince(form: FormData) {
  const parsed = scanForm.safeParse(Object.fromEntries(form))
  if (!parsed.success) redirect("/vi")
  const { locale, code, province_code, serial, verdict } = parsed.data
  const outcome = province_code ? await recordLotScan(code, province_code) : "failed"
  const back = serial ? `${lotSerialPagePath(code, serial, locale)}?reported=${outcome}&verdict=${encodeURIComponent(verdict ?? "")}` : null
  redirect(back ?? `/${locale}/lots/${code}?reported=${outcome}`)
}
