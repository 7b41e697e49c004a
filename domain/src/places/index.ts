import { foldText, normalizeText } from "../text"
import { provinceMappingRows, rawWardMappings, rawWards } from "./data"

export type OldProvince = { code: string; name: string; shortName: string }
export type Province = {
  /** 2-digit NSO code of the unit in force since 01/07/2025 */
  code: string
  /** official name, e.g. "Tỉnh Thái Nguyên", "Thành phố Huế" */
  name: string
  /** name without its type word, e.g. "Thái Nguyên" */
  shortName: string
  /** the pre-2025 provinces merged into it (includes itself when it kept its name) */
  formerProvinces: OldProvince[]
}
export type Commune = { code: string; name: string; shortName: string; provinceCode: string }

const PROVINCE_TYPE = /^(tinh|thanh pho|tp\.?)\s+/
// Type words are matched with their diacritics, before folding: "Phương Liễu" is a commune name, "Phường" a type.
const COMMUNE_TYPE = /^(xã|phường|thị trấn|đặc khu|tt\.|p\.)\s*/iu
const DISTRICT_TYPE = /^(huyện|quận|thị xã|thành phố|tp\.|tx\.|h\.)\s*/iu

export function stripProvinceType(name: string): string {
  return normalizeText(name).replace(/^(Tỉnh|Thành phố|TP\.?)\s+/i, "")
}
export function stripCommuneType(name: string): string {
  return normalizeText(name).replace(/^(Xã|Phường|Thị trấn|Đặc khu)\s+/i, "")
}

function provinceKey(name: string): string {
  return foldText(name).replace(PROVINCE_TYPE, "").replace(/[-–]/g, " ").replace(/\s+/g, " ").trim()
}
function communeKey(name: string): string {
  return foldText(normalizeText(name).replace(COMMUNE_TYPE, ""))
}
function districtKey(name: string): string {
  return foldText(normalizeText(name).replace(DISTRICT_TYPE, ""))
}

function buildProvinces(): Province[] {
  const byCode = new Map<string, Province>()
  for (const row of provinceMappingRows) {
    const province =
      byCode.get(row.new_code) ??
      byCode
        .set(row.new_code, {
          code: row.new_code,
          name: normalizeText(row.new_name),
          shortName: stripProvinceType(row.new_name),
          formerProvinces: [],
        })
        .get(row.new_code)!
    province.formerProvinces.push({
      code: row.old_code,
      name: normalizeText(row.old_name),
      shortName: stripProvinceType(row.old_name),
    })
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code))
}

export const provinces: Province[] = buildProvinces()

export const communes: Commune[] = rawWards.map((w) => ({
  code: String(w.ward_code),
  name: normalizeText(String(w.name)),
  shortName: stripCommuneType(String(w.name)),
  provinceCode: String(w.province_code),
}))

const provinceByCode = new Map(provinces.map((p) => [p.code, p]))
const communeByCode = new Map(communes.map((c) => [c.code, c]))

/** Every spelling a buyer or a list may use → current province. Old names win only where no current one exists. */
const provinceByKey = new Map<string, Province>()
for (const p of provinces) {
  for (const old of p.formerProvinces) provinceByKey.set(provinceKey(old.name), p)
}
// Thừa Thiên Huế became Thành phố Huế on 01/01/2025, before the 34-unit table was drawn.
provinceByKey.set(provinceKey("Thừa Thiên Huế"), provinceByCode.get("46")!)
provinceByKey.set(provinceKey("Bà Rịa Vũng Tàu"), provinceByCode.get("79")!)
for (const p of provinces) provinceByKey.set(provinceKey(p.name), p)

export function getProvince(code: string): Province | undefined {
  return provinceByCode.get(code)
}

export function getCommune(code: string): Commune | undefined {
  return communeByCode.get(code)
}

/**
 * Resolves a province written any way a list or a buyer writes it: current or pre-2025 name, with or without
 * "Tỉnh"/"Thành phố" and diacritics, or its 2-digit code (current or old).
 */
export function resolveProvince(text: string): Province | undefined {
  const value = normalizeText(text)
  if (/^\d{1,2}$/.test(value)) {
    const code = value.padStart(2, "0")
    return provinceByCode.get(code) ?? provinces.find((p) => p.formerProvinces.some((old) => old.code === code))
  }
  return provinceByKey.get(provinceKey(value))
}

/** Whether the folded text names this province by its old or current name (for "formerly …" labels). */
export function isFormerProvinceName(province: Province, text: string): boolean {
  const key = provinceKey(text)
  return provinceKey(province.name) !== key && provinceByKey.get(key)?.code === province.code
}

type OldCommuneRow = { oldCommune: string; oldDistrict: string; oldProvince: string; newCode: string }
const oldCommuneRows: OldCommuneRow[] = rawWardMappings
  .filter((m) => m.new_ward_code && m.old_ward_name)
  .map((m) => ({
    oldCommune: communeKey(String(m.old_ward_name)),
    oldDistrict: districtKey(String(m.old_district_name ?? "")),
    oldProvince: provinceKey(String(m.old_province_name ?? "")),
    newCode: String(m.new_ward_code),
  }))
const oldCommunesByName = new Map<string, OldCommuneRow[]>()
for (const row of oldCommuneRows) {
  const list = oldCommunesByName.get(row.oldCommune) ?? []
  list.push(row)
  oldCommunesByName.set(row.oldCommune, list)
}

// Lookups for resolveCommune, built once: an importer resolves tens of thousands of rows, and scanning the
// 3,321 communes (folding each name) per row would cost milliseconds a row.
const currentCommunesByKey = new Map<string, Commune[]>()
for (const c of communes) {
  const mapKey = `${c.provinceCode}|${communeKey(c.name)}`
  const list = currentCommunesByKey.get(mapKey) ?? []
  list.push(c)
  currentCommunesByKey.set(mapKey, list)
}
const oldProvinceKeysByCode = new Map<string, Set<string>>()
for (const p of provinces) {
  const keys = new Set(p.formerProvinces.map((old) => provinceKey(old.name)))
  if (p.code === "46") keys.add(provinceKey("Thừa Thiên Huế"))
  oldProvinceKeysByCode.set(p.code, keys)
}

/**
 * Resolves a commune as a list wrote it (old or current name, optional old district) to the current commune
 * of the given current province. Returns undefined when the name is ambiguous or unknown: a wrong commune is
 * worse than none.
 */
export function resolveCommune(provinceCode: string, communeText: string, districtText?: string | null): Commune | undefined {
  const key = communeKey(communeText)
  const current = currentCommunesByKey.get(`${provinceCode}|${key}`) ?? []
  if (current.length === 1) return current[0]
  const oldProvinceKeys = oldProvinceKeysByCode.get(provinceCode)
  if (!oldProvinceKeys) return undefined
  let candidates = (oldCommunesByName.get(key) ?? []).filter((r) => oldProvinceKeys.has(r.oldProvince))
  if (districtText) {
    const dKey = districtKey(districtText)
    candidates = candidates.filter((r) => r.oldDistrict === dKey)
  }
  const codes = new Set(candidates.map((r) => r.newCode))
  return codes.size === 1 ? communeByCode.get([...codes][0]) : undefined
}

/** The old→new commune table as published, for tools that write lists the way provinces wrote them before 2025. */
export { rawWardMappings } from "./data"
