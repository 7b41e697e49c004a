import type { LotResolution, LotTemplate, PublicLotPage, StaffLot } from "@ocop/contracts"
import { isSerialCode } from "@ocop/domain"
import { describeStatus } from "./certificate-display"

/**
 * Pure rules of the shop's traceability pages: what a QR's resolver answers, what the scan page says about the
 * certificate, its JSON-LD, and the new-lot form's pre-fill. The data comes from the backend (docs/traceability.md).
 */

/** The scan page of a lot's public code (Vietnamese first: a QR carries no locale). */
export function lotPagePath(publicCode: string, locale = "vi") {
  return `/${locale}/lots/${encodeURIComponent(publicCode)}`
}

/**
 * The scan page of one unit's serial: the lot's page in "serial" form. Its server render records the serial's check,
 * so nothing in the shop links to it with prefetch (see isPrefetchRequest); only a QR or a typed address opens it.
 */
export function lotSerialPagePath(publicCode: string, serial: string, locale = "vi") {
  return `${lotPagePath(publicCode, locale)}/s/${encodeURIComponent(serial)}`
}

/** A serial as printed or typed (any case) in its canonical upper case, or null when it cannot be one. */
export function readSerial(raw: string | null | undefined): string | null {
  let serial: string
  try {
    serial = decodeURIComponent(raw ?? "")
  } catch {
    return null
  }
  serial = serial.trim().toUpperCase()
  return isSerialCode(serial) ? serial : null
}

// Link-preview fetchers of chat apps and social sites, and crawlers: they open a pasted serial link before any person
// does. Their visit must not become the serial's first check.
const PREVIEW_AGENTS =
  /bot\b|crawler|spider|preview|facebookexternalhit|facebookcatalog|zalo|whatsapp|telegram|slack|discord|skype|linkedin|embedly|vkshare/i

/**
 * Whether a request for a serial page is not a person opening it: a browser prefetch or prerender (`Sec-Purpose` /
 * `Purpose: prefetch`), the Next router's prefetch, or a link-preview fetcher. The page then records nothing and
 * offers a plain link to check.
 */
export function isPrefetchRequest(headers: { get(name: string): string | null }): boolean {
  const purpose = `${headers.get("sec-purpose") ?? ""} ${headers.get("purpose") ?? ""} ${headers.get("x-purpose") ?? ""}`
  if (/prefetch|prerender|preview/i.test(purpose)) return true
  if (headers.get("next-router-prefetch") || headers.get("x-middleware-prefetch")) return true
  return PREVIEW_AGENTS.test(headers.get("user-agent") ?? "")
}

export type ResolverAnswer =
  | { kind: "redirect"; status: 303 | 307; location: string }
  | { kind: "gone"; status: 410; message: string }
  | { kind: "bad"; status: 400; message: string }

export const WITHDRAWN_TEXT =
  "Mã lô này đã bị nhà sản xuất rút lại và không còn được dùng. Sản phẩm mang mã này không được nhà sản xuất xác nhận.\n" +
  "This lot code was withdrawn by its producer and is no longer in use."

/**
 * What the shop's resolver answers for the backend's resolution: a found lot opens its scan page (307, the same
 * request again; with a unit's serial, the page in serial form), an unknown lot 303 to its product page (home when the product is not known either), a withdrawn
 * code 410 with a plain message.
 */
export function answerResolution(resolution: LotResolution | null, serial?: string | null): ResolverAnswer {
  // A serial path whose serial cannot be one is a bad QR, whatever the lot.
  if (!resolution || serial === null) return { kind: "bad", status: 400, message: "Mã QR không hợp lệ / this QR code is not valid" }
  switch (resolution.status) {
    case "found":
      return {
        kind: "redirect",
        status: 307,
        location: serial ? lotSerialPagePath(resolution.public_code, serial) : lotPagePath(resolution.public_code),
      }
    case "unknown":
      return {
        kind: "redirect",
        status: 303,
        location: resolution.product_handle ? `/vi/products/${encodeURIComponent(resolution.product_handle)}` : "/vi",
      }
    case "withdrawn":
      return { kind: "gone", status: 410, message: WITHDRAWN_TEXT }
  }
}

export type CertificateVerdict = "valid" | "expired" | "revoked" | "unknown_validity" | "none"

/** The certificate's live status in the scan page's words; only "active" may be called valid. */
export function certificateVerdict(ocop: NonNullable<PublicLotPage["product"]>["ocop"] | null | undefined): CertificateVerdict {
  if (!ocop) return "none"
  const display = describeStatus(ocop.status)
  if (display.claimsValidity) return "valid"
  if (ocop.status === "unknown_validity") return "unknown_validity"
  if (ocop.status === "revoked") return "revoked"
  return "expired"
}

/** schema.org Product with the lot: name, image, GTIN, maker, and the lot as a ProductModel-free IndividualProduct-like set. */
export function lotJsonLd(page: PublicLotPage, pageUrl: string) {
  const { lot, product, producer } = page
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product?.title ?? lot.code,
    url: pageUrl,
    image: product?.thumbnail ?? undefined,
    gtin: product?.gtin ?? undefined,
    productionDate: lot.made_on ?? undefined,
    manufacturer: producer ? { "@type": "Organization", name: producer.name, address: producer.address ?? undefined } : undefined,
    countryOfOrigin: "VN",
    additionalProperty: [
      { "@type": "PropertyValue", name: "lot", propertyID: "gs1:batchLotNumber", value: lot.code },
      ...(lot.best_before ? [{ "@type": "PropertyValue", name: "best_before", propertyID: "gs1:bestBeforeDate", value: lot.best_before }] : []),
      ...(lot.growing_area_code ? [{ "@type": "PropertyValue", name: "growing_area_code", value: lot.growing_area_code }] : []),
      ...(lot.status === "recalled" ? [{ "@type": "PropertyValue", name: "recalled", value: true }] : []),
    ],
  }
}

export type StepPreset = { kind: "harvest" | "process" | "pack" }
/** The one-tap step chips, in the order a household works: thu hoạch → sơ chế → đóng gói. */
export const STEP_PRESETS: StepPreset[] = [{ kind: "harvest" }, { kind: "process" }, { kind: "pack" }]

export type LotDraft = {
  product_id: string
  growing_area_code: string
  commune_code: string
  quantity: string
}

/**
 * "Chép lô trước": the new-lot form starts from the producer's latest lot of the product — only what usually stays the
 * same between batches (growing area, commune, quantity). Code, dates and notes are never copied, so no two lots read
 * alike by default; with no earlier lot every field starts empty.
 */
export function copyLastLot(
  lots: Pick<StaffLot, "product_id" | "growing_area_code" | "commune" | "quantity" | "created_at">[],
  productId?: string
): LotDraft {
  const mine = lots.filter((l) => !productId || l.product_id === productId).sort((a, b) => b.created_at.localeCompare(a.created_at))
  const last = mine[0]
  if (!last) return { product_id: productId ?? "", growing_area_code: "", commune_code: "", quantity: "" }
  return {
    product_id: last.product_id,
    growing_area_code: last.growing_area_code ?? "",
    commune_code: last.commune?.code ?? "",
    quantity: String(last.quantity),
  }
}

/**
 * A saved template fills the new-lot form: its growing area, commune and quantity, and one step row per preset (kind
 * and note; the date stays empty). The product picked stays; a template has no code or date to bring.
 */
export function applyLotTemplate(
  template: Pick<LotTemplate, "growing_area_code" | "commune" | "quantity" | "steps">,
  productId: string
): { draft: LotDraft; steps: LotTemplate["steps"] } {
  return {
    draft: {
      product_id: productId,
      growing_area_code: template.growing_area_code ?? "",
      commune_code: template.commune?.code ?? "",
      quantity: template.quantity == null ? "" : String(template.quantity),
    },
    steps: template.steps,
  }
}

/**
 * "Lưu làm mẫu": the new-lot form's reusable parts as the body of POST /producer/lot-templates — every step row's kind
 * and note in the form's order (a row without a note is still a preset), never the code, dates or photos.
 */
export function readLotTemplateForm(raw: Record<string, string>) {
  const text = (key: string) => (raw[key] ?? "").trim()
  const quantity = text("quantity")
  return {
    name: text("template_name"),
    growing_area_code: text("growing_area_code") || null,
    commune_code: text("commune_code") || null,
    quantity: quantity ? Number(quantity) : null,
    steps: Object.keys(raw)
      .filter((key) => key.startsWith("step_kind_"))
      .map((key) => ({ kind: raw[key], note: text(`step_note_${key.slice("step_kind_".length)}`) })),
  }
}

/**
 * Form fields step_kind_N / step_date_N / step_note_N → the backend's steps, in the form's order, each with its row
 * index N (its photo is step_photo_N); rows whose date and note are both empty are skipped.
 */
export function readStepRows(raw: Record<string, string>): { index: string; kind: string; happened_on: string; note: string }[] {
  return Object.keys(raw)
    .filter((key) => key.startsWith("step_kind_"))
    .map((key) => key.slice("step_kind_".length))
    .flatMap((index) => {
      const kind = raw[`step_kind_${index}`]
      const note = (raw[`step_note_${index}`] ?? "").trim()
      const happened_on = (raw[`step_date_${index}`] ?? "").trim()
      return kind && (note || happened_on) ? [{ index, kind, happened_on, note }] : []
    })
}

export type ShippedLotRow = { line_item_id: string; lot_id: string; quantity?: number | null }

/**
 * The ship form's lots: "lot:{line id}:{row}" selects name the lot(s) each line came from, "qty:{line id}:{row}" how
 * many units each gave when the line is split over several lots; a lot alone on its line sends no quantity (it gave
 * the whole line; @ocop/domain's findShippedLotProblem decides on the backend). No lot chosen: the lots stay as they
 * were. A count that is empty or not a number goes as null and the backend's 400 names it (`lots.{i}.quantity`).
 */
export function readShippedLots(raw: Record<string, string>): ShippedLotRow[] {
  const rows = Object.entries(raw)
    .filter(([key, value]) => key.startsWith("lot:") && value)
    .map(([key, value]) => {
      const [, line, row = "0"] = key.split(":")
      return { line_item_id: line, lot_id: value, typed: (raw[`qty:${line}:${row}`] ?? "").trim() }
    })
  return rows.map(({ line_item_id, lot_id, typed }) => {
    const alone = rows.filter((r) => r.line_item_id === line_item_id).length === 1
    if (alone && !typed) return { line_item_id, lot_id }
    const quantity = Number(typed)
    return { line_item_id, lot_id, quantity: typed === "" || !Number.isFinite(quantity) ? null : quantity }
  })
}
