import { computeValidUntil, foldText, inferProducerType } from "@ocop/domain"
import { Province, resolveCommune } from "@ocop/domain/places"
import { mapProductGroup } from "./map-product-group"
import { evaluationRemark, isPlaceholder, splitNameNote } from "./cell-values"
import { memoize, resolveProvinceCached } from "./memo"
import { parseAddress, parsePlacePart } from "./parse-address"
import { DateReading, findDate, readDate, readDecisionNumber } from "./parse-decision"
import { DocumentHeading, listedProvinceName } from "./parse-heading"
import { readStars } from "./parse-stars"
import { FIELD_LABELS, Field, RawRecord } from "./raw-record"
import { CertificationRecord, RowError } from "./record-schema"
import { rowError } from "./row-errors"

/**
 * One raw row → the normalised record, or the reasons it cannot be one. Nothing here throws: every problem
 * becomes a RowError naming the column and the value.
 */
export type NormalizeResult = { record: CertificationRecord; errors: [] } | { record: null; errors: RowError[] }

// Lists repeat the same provinces and communes many times: resolve each spelling once.
const cachedProvince = resolveProvinceCached
const communeCodeOf = memoize((key: string) => {
  const [provinceCode, commune, district] = key.split("\u0001")
  return resolveCommune(provinceCode, commune, district || null)?.code ?? null
})
function cachedCommuneCode(provinceCode: string, commune: string, district: string | null): string | null {
  return communeCodeOf(`${provinceCode}\u0001${commune}\u0001${district ?? ""}`)
}

const HAS_LOWER_CASE = /\p{Ll}/u

/** A unit name from its own column: "Thị xã Hương Trà" → "Hương Trà"; a column holding a whole address is split. */
function placeFromColumn(text: string | undefined, level: "commune" | "district" | "province"): string | null {
  if (!text) return null
  if (/[,;]/.test(text)) return parseAddress(text)[level]
  const part = parsePlacePart(text)
  if (part.level === "hamlet") return null
  return part.name || null
}

function readScore(text: string | undefined): number | null | "invalid" {
  if (!text) return null
  // "85", "85,5", "85 điểm", "85/100", "85 đ"
  const value = Number(text.replace(/\s*(?:\/\s*100)?\s*(?:điểm|đ)?\.?$/iu, "").replace(",", "."))
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : "invalid"
}

// Folded cell texts of a yes/no column ("Nữ làm chủ", "DTTS"): lists tick with "x" or write Có / Không.
const YES = new Set(["x", "co", "c", "1", "yes", "y", "true", "dung", "v", "✓", "✔", "☑", "nu"])
const NO = new Set(["khong", "k", "0", "no", "n", "false"])

/** A yes/no cell: true, false, null when blank (not stated — never read as "no"), "invalid" otherwise. */
export function readFlag(text: string | undefined): boolean | null | "invalid" {
  if (!text) return null
  const key = foldText(text)
    .replace(/[.\s]+/g, " ")
    .trim()
  if (YES.has(key)) return true
  if (NO.has(key)) return false
  return isPlaceholder(text) ? null : "invalid"
}

/** Every column but the product name and the tier is optional: a placeholder there is simply no value. */
const REQUIRED_FIELDS = new Set<Field>(["product_name", "stars"])
const FLAG_FIELDS = new Set<Field>(["women_led", "ethnic_minority_led"])

function withoutPlaceholders(values: RawRecord["values"]): RawRecord["values"] {
  let cleaned: RawRecord["values"] | null = null
  for (const [field, text] of Object.entries(values) as [Field, string][]) {
    // "x" and "Không" are placeholders elsewhere but answers in a yes/no column: readFlag reads those.
    if (REQUIRED_FIELDS.has(field) || FLAG_FIELDS.has(field) || !isPlaceholder(text)) continue
    cleaned ??= { ...values }
    delete cleaned[field]
  }
  return cleaned ?? values
}

export function normalizeRecord(raw: RawRecord, heading: DocumentHeading): NormalizeResult {
  const errors: RowError[] = []
  const values = withoutPlaceholders(raw.values)
  const { section } = raw
  const label = (field: Field) => raw.labels[field] ?? FIELD_LABELS[field]
  const fail = (code: Parameters<typeof rowError>[0], field: Field, value: string | null, detail?: string) =>
    errors.push(rowError(code, raw.sourceRow, label(field), value, detail))

  // Readers hand over normalised text (NFC, single spaces, trimmed): no second pass here.
  // A remark about the evaluation typed after the name ("(đánh giá lại)", "– nâng hạng") is the rating's note.
  const { name: productName, note } = splitNameNote(values.product_name ?? "")
  if (!productName) fail("missing_product_name", "product_name", null)
  const producerName = values.producer_name || null

  // Stars: the row's own cell, else the section heading above it.
  let stars: number | null = null
  let potentialFiveStar = section.potentialFiveStar ?? false
  if (values.stars) {
    const reading = readStars(values.stars)
    if (reading.kind === "unreadable") fail("unreadable_stars", "stars", values.stars)
    else if (reading.kind === "stars") {
      stars = reading.stars
      potentialFiveStar = reading.potentialFiveStar || potentialFiveStar
      if (stars !== null && (stars < 3 || stars > 5)) fail("stars_out_of_range", "stars", values.stars)
    }
  } else if (section.stars !== undefined || section.potentialFiveStar) {
    stars = section.stars ?? null
    // "SẢN PHẨM ĐẠT 2 SAO": a tier no certificate has, reported on each row under it.
    if (stars !== null && (stars < 3 || stars > 5)) fail("stars_out_of_range", "stars", `${stars} sao`)
  } else {
    fail("missing_stars", "stars", null)
  }

  const score = readScore(values.score)
  if (score === "invalid") fail("invalid_score", "score", values.score ?? null)

  // Place: separate columns win over the combined address; the province falls back to section and heading.
  const address = values.address ? parseAddress(values.address) : { commune: null, district: null, province: null }
  const commune = placeFromColumn(values.commune, "commune") ?? address.commune
  const district = placeFromColumn(values.district, "district") ?? address.district ?? section.district ?? null
  const rowProvince = placeFromColumn(values.province, "province") ?? address.province
  let provinceAsListed: string | null = null
  let province: Province | null = null
  if (rowProvince) {
    province = cachedProvince(rowProvince)
    if (!province) fail("unknown_province", values.province ? "province" : "address", values.province ?? values.address ?? rowProvince)
    provinceAsListed = rowProvince
  } else if (section.province) {
    province = cachedProvince(section.province)
    provinceAsListed = section.province
  } else if (heading.province) {
    province = heading.province.province
    provinceAsListed = heading.province.asListed
  } else {
    fail("missing_province", values.province !== undefined ? "province" : "address", null)
  }
  // A name typed in capitals ("THỪA THIÊN HUẾ") is stored in the official spelling.
  if (province && provinceAsListed && !HAS_LOWER_CASE.test(provinceAsListed)) {
    provinceAsListed = listedProvinceName(province, provinceAsListed)
  }

  // Decision: the row's own number and date, else the heading's. A row naming another decision does not
  // borrow the heading's date.
  // A number cell often carries the date too ("527/QĐ-UBND ngày 3/9/2022"): read it when no date column does.
  const decisionField: Field = values.decision_number ? "decision_number" : "decision"
  const decisionText = values[decisionField]
  const rowNumber = decisionText ? readDecisionNumber(decisionText) : null
  let rowDate: DateReading = { kind: "empty" }
  if (values.decision_date) rowDate = readDate(values.decision_date)
  else if (decisionText) rowDate = findDate(decisionText) ?? { kind: "empty" }
  if (rowDate.kind === "invalid") {
    const field = values.decision_date ? "decision_date" : decisionField
    fail("invalid_date", field, values[field] ?? null)
  }
  const decisionNumber = rowNumber ?? heading.decisionNumber ?? null
  let decisionDate: string | null = null
  if (rowDate.kind === "date") decisionDate = rowDate.iso
  else if (!rowNumber || rowNumber === heading.decisionNumber) decisionDate = heading.decisionDate ?? null

  // Only a list with the column states the fact; the key stays absent otherwise, so an import never overwrites it.
  const flags: Pick<CertificationRecord, "women_led" | "ethnic_minority_led"> = {}
  for (const field of ["women_led", "ethnic_minority_led"] as const) {
    if (!(field in raw.labels)) continue
    const flag = readFlag(values[field])
    if (flag === "invalid") fail("invalid_flag", field, values[field] ?? null)
    else flags[field] = flag
  }

  if (errors.length > 0 || !province || !provinceAsListed) return { record: null, errors }

  return {
    record: {
      product_name: productName,
      producer_name: producerName,
      stars: stars as CertificationRecord["stars"],
      potential_five_star: potentialFiveStar,
      score: score as number | null,
      province_as_listed: provinceAsListed,
      district_as_listed: district,
      commune_as_listed: commune,
      province_code_2025: province.code,
      province_name_2025: province.name,
      decision_number: decisionNumber,
      decision_date: decisionDate,
      source_row: raw.sourceRow,
      producer_type: inferProducerType(producerName),
      commune_code_2025: commune ? cachedCommuneCode(province.code, commune, district) : null,
      product_group_code: mapProductGroup(values.product_group) ?? section.productGroup ?? null,
      valid_until: decisionDate ? computeValidUntil(decisionDate) : null,
      address_as_listed: values.address || null,
      // The remark after the name, else the "Ghi chú" cell when it remarks on the evaluation.
      note: note ?? evaluationRemark(raw.remark),
      ...flags,
    },
    errors: [],
  }
}
