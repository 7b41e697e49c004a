/**
 * A generated corpus of certification lists in layouts the samples do not show, with the result each one must
 * give. Deterministic: the same seed gives the same lists, byte for byte (workbooks: the same cells).
 *
 * Rows are written here (product and producer names of our own) on real places: old (as-certified) commune,
 * district and province names from the 2025 ward mapping. Each list varies, in combination:
 * - layout: annex with title rows, flat list with split address, tier-grouped sections, district-grouped
 *   sections, merged two-row header, reordered columns, several sheets (one province and decision each);
 * - star notation: "4", "4 sao", "★★★★", "4*", "Bốn sao", "04", "Hạng 4 sao", "Bốn (04) sao", and the potential-5★
 *   forms;
 * - address style: typed, abbreviated ("X.", "H.", "TP."), untyped, district only, dashed, no province;
 * - encoding: UTF-8, UTF-8 with BOM, UTF-16LE, Windows-1258, xlsx (Unicode or VNI font);
 * - kinds: placeholder cells, evaluation notes after names, decision cells with dates in every writing,
 *   re-ratings (rating history), names differing only by punctuation, identical duplicate rows, a bad row.
 */
import ExcelJS from "exceljs"
import { rawWardMappings, resolveProvince } from "@ocop/domain/places"
import { toVniString, toWindows1258Bytes } from "../src/certification-list/encode-legacy"
// The benchmarks' seeded generator (mulberry32), so every run writes the same corpus.
import { seededRandom } from "../src/synthetic/synthetic-list"

// ── What every data row must come out as ─────────────────────────────────────────────────────────────

export type ExpectedRecord = {
  product_name: string
  producer_name: string | null
  stars: 3 | 4 | 5 | null
  potential_five_star: boolean
  province_code_2025: string
  commune_as_listed: string | null
  decision_number: string | null
  decision_date: string | null
  note: string | null
}
export type ExpectedRow = { source_row: number } & ({ outcome: "record"; record: ExpectedRecord } | { outcome: "rejected"; code: string })

export type CorpusList = {
  name: string
  bytes: Buffer
  layout: Layout
  stars: StarNotation
  address: AddressStyle
  encoding: Encoding
  rows: ExpectedRow[]
}

// ── Places: old names as certified ────────────────────────────────────────────────────────────────────

type Place = {
  communeType: "xã" | "phường" | "thị trấn"
  commune: string
  districtType: "huyện" | "quận" | "thị xã" | "thành phố"
  district: string
  provinceType: "tỉnh" | "thành phố"
  province: string
  provinceCode: string
}

const TYPE_OF = /^(Xã|Phường|Thị trấn|Huyện|Quận|Thị xã|Thành phố|Tỉnh)\s+(.+)$/

function split(name: string): [string, string] | null {
  const match = TYPE_OF.exec(name.normalize("NFC").trim())
  return match ? [match[1].toLowerCase(), match[2]] : null
}

/** Places by old province: names with digits ("Phường 1") or odd characters are left out (no list writes them bare). */
function placesByProvince(): Map<string, Place[]> {
  const byProvince = new Map<string, Place[]>()
  const seen = new Set<string>()
  for (const m of rawWardMappings) {
    if (!m.old_ward_name || !m.old_district_name || !m.old_province_name) continue
    const [c, d, p] = [split(String(m.old_ward_name)), split(String(m.old_district_name)), split(String(m.old_province_name))]
    if (!c || !d || !p || /[\d()\-–.,]/.test(`${c[1]}${d[1]}${p[1]}`)) continue
    const province = resolveProvince(String(m.new_province_name))
    if (!province || resolveProvince(p[1])?.code !== province.code) continue
    const key = `${c[1]}|${d[1]}|${p[1]}`
    if (seen.has(key)) continue
    seen.add(key)
    const place: Place = {
      communeType: c[0] as Place["communeType"],
      commune: c[1],
      districtType: d[0] as Place["districtType"],
      district: d[1],
      provinceType: p[0] as Place["provinceType"],
      province: p[1],
      provinceCode: province.code,
    }
    const list = byProvince.get(p[1]) ?? []
    list.push(place)
    byProvince.set(p[1], list)
  }
  return byProvince
}

// ── Rows of our own ───────────────────────────────────────────────────────────────────────────────────

const PRODUCTS = [
  "Mật ong hoa nhãn",
  "Chè búp khô",
  "Cà phê bột nguyên chất",
  "Gạo thơm",
  "Nước mắm cốt",
  "Rượu nếp cẩm",
  "Bánh tráng phơi sương",
  "Miến dong",
  "Nấm linh chi",
  "Tinh dầu tràm",
  "Măng khô",
  "Kẹo dừa",
  "Trà túi lọc hoa sen",
  "Bưởi da xanh",
  "Tương ớt",
  "Lạp xưởng tươi",
  "Chả cá thác lác",
  "Dầu lạc ép",
  "Hạt điều rang muối",
  "Thịt trâu sấy",
  "Giấm nuôi",
  "Chiếu cói",
  "Mây tre đan",
  "Cao atiso",
  "Bột nghệ vàng",
  "Vải thiều sấy",
  "Khô cá lóc",
  "Trà gừng",
  "Xoài sấy dẻo",
  "Mứt gừng",
]
// A parenthesis that is part of a brand stays in the name.
const BRANDS = ["", "", "", "", " (Hồng Lam)", " Sao Mai", " (Tâm Đức)", " Hương Quê", " (Green Farm)"]
const LEGAL_FORMS = ["Hợp tác xã", "HTX", "Công ty TNHH", "Công ty cổ phần", "Hộ kinh doanh", "Cơ sở sản xuất", "Tổ hợp tác"]
const PEOPLE = [
  "Nguyễn Văn Hùng",
  "Trần Thị Lan",
  "Lê Quốc Tuấn",
  "Phạm Thị Hoa",
  "Hoàng Minh Đức",
  "Võ Thị Thu",
  "Đặng Văn Lực",
  "Bùi Thị Ngọc",
  "Đỗ Thanh Sơn",
  "Huỳnh Văn Tài",
]
const NOTES = ["đánh giá lại", "tái đánh giá", "nâng hạng", "sản phẩm mới", "lần 2", "công nhận lại"]
const PLACEHOLDERS = ["-", "–", "—", "x", ".", "N/A", "không", "chưa có"]

type Truth = {
  product: string
  producer: string
  place: Place
  stars: 3 | 4 | 5 | null
  potential: boolean
  decisionNumber: string
  /** ISO */
  decisionDate: string
  score: number
}

// ── Variations ────────────────────────────────────────────────────────────────────────────────────────

export const LAYOUTS = ["annex", "flat", "tier-grouped", "district-grouped", "two-row-header", "reordered", "multi-sheet"] as const
export type Layout = (typeof LAYOUTS)[number]
export const STAR_NOTATIONS = ["digits", "sao", "glyphs", "asterisk", "words", "padded", "hang", "word-figure"] as const
export type StarNotation = (typeof STAR_NOTATIONS)[number]
export const ADDRESS_STYLES = ["typed", "abbreviated", "untyped", "district-only", "dashed", "no-province"] as const
export type AddressStyle = (typeof ADDRESS_STYLES)[number]
export const ENCODINGS = ["utf-8", "utf-8-bom", "utf-16le", "windows-1258", "xlsx", "xlsx-vni"] as const
export type Encoding = (typeof ENCODINGS)[number]
const DATE_WRITINGS = ["slash", "padded", "dash", "spelled", "two-digit-year", "dots"] as const
type DateWriting = (typeof DATE_WRITINGS)[number]

const WORDS: Record<number, string> = { 3: "Ba", 4: "Bốn", 5: "Năm" }

function writeStars(truth: Truth, notation: StarNotation, potentialForm: number): string {
  if (truth.potential) {
    if (truth.stars === null) return "Tiềm năng 5 sao"
    return potentialForm % 2 === 0 ? `${writeTier(4, notation)} (tiềm năng 5 sao)` : `${writeTier(4, notation)} - tiềm năng 5 sao`
  }
  return writeTier(truth.stars!, notation)
}

function writeTier(stars: number, notation: StarNotation): string {
  switch (notation) {
    case "digits":
      return String(stars)
    case "sao":
      return `${stars} sao`
    case "glyphs":
      return "★".repeat(stars)
    case "asterisk":
      return `${stars}*`
    case "words":
      return `${WORDS[stars]} sao`
    case "padded":
      return `0${stars}`
    case "hang":
      return `Hạng ${stars} sao`
    case "word-figure":
      return `${WORDS[stars]} (0${stars}) sao`
  }
}

function writeDate(iso: string, writing: DateWriting): string {
  const [y, m, d] = iso.split("-")
  const [day, month] = [String(Number(d)), String(Number(m))]
  switch (writing) {
    case "slash":
      return `${day}/${month}/${y}`
    case "padded":
      return `${d}/${m}/${y}`
    case "dash":
      return `${d}-${m}-${y}`
    case "spelled":
      return `ngày ${d} tháng ${month} năm ${y}`
    case "two-digit-year":
      return `${day}/${month}/${y.slice(2)}`
    case "dots":
      return `${d}.${m}.${y}`
  }
}

/** A decision cell holding number and date, as offices write it. */
function writeDecisionCell(truth: Truth, writing: DateWriting, form: number): string {
  const date = writeDate(truth.decisionDate, writing)
  const ngay = writing === "spelled" ? date : `ngày ${date}`
  switch (form % 3) {
    case 0:
      return `${truth.decisionNumber} ${ngay}`
    case 1:
      return `QĐ số ${truth.decisionNumber}, ${date}`
    default:
      return `Quyết định số ${truth.decisionNumber} ${ngay}`
  }
}

const ABBREVIATION: Record<string, string> = {
  xã: "X.",
  phường: "P.",
  "thị trấn": "TT.",
  huyện: "H.",
  quận: "Q.",
  "thị xã": "TX.",
  "thành phố": "TP.",
  tỉnh: "T.",
}

function typed(type: string, name: string, style: AddressStyle): string {
  return style === "abbreviated" ? `${ABBREVIATION[type]} ${name}` : `${type} ${name}`
}

/** The combined address cell in the list's style; `withCommune: false` when the cell's commune was blanked. */
function writeAddress(place: Place, style: AddressStyle): string {
  const commune = typed(place.communeType, place.commune, style)
  const district = typed(place.districtType, place.district, style)
  const province = typed(place.provinceType, place.province, style)
  switch (style) {
    case "typed":
    case "abbreviated":
      return `${commune}, ${district}, ${province}`
    case "untyped":
      return `${place.commune}, ${place.district}, ${place.province}`
    case "district-only":
      return `${district}, ${province}`
    case "dashed":
      return `${commune} - ${district} - ${province}`
    case "no-province":
      return `${commune}, ${district}`
  }
}

// ── One list ──────────────────────────────────────────────────────────────────────────────────────────

type ListSpec = { index: number; layout: Layout; stars: StarNotation; address: AddressStyle; encoding: Encoding; dates: DateWriting }

/** A data row to render: the truth, how its cells are written, and what must come out. */
type Line = {
  truth: Truth
  nameCell: string
  starsCell: string
  scoreCell: string
  decisionCell: string
  communeCell: string
  districtCell: string
  expected: { outcome: "record"; record: ExpectedRecord } | { outcome: "rejected"; code: string }
}

class ListBuilder {
  readonly lines: Line[] = []
  constructor(
    readonly spec: ListSpec,
    readonly random: () => number,
    /** whether the rows' decision comes from the title block (one decision for the list) */
    readonly headingDecision: { number: string; date: string } | null
  ) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]
  }

  add(
    truth: Truth,
    options: { note?: string; placeholder?: "score" | "decision" | "commune" | "district"; reject?: string; notePosition?: number } = {}
  ) {
    const { spec } = this
    const starsCell = options.reject === "stars_out_of_range" ? "2 sao" : writeStars(truth, spec.stars, this.lines.length)
    let nameCell = truth.product
    if (options.note) nameCell = options.notePosition! % 2 === 0 ? `${truth.product} (${options.note})` : `${truth.product} - ${options.note}`
    const placeholder = (field: string) => (options.placeholder === field ? this.pick(PLACEHOLDERS) : null)
    const decisionCell = placeholder("decision") ?? writeDecisionCell(truth, spec.dates, this.lines.length)
    const communeCell =
      placeholder("commune") ?? (this.lines.length % 2 === 0 ? `${truth.place.communeType} ${truth.place.commune}` : truth.place.commune)
    const districtCell = placeholder("district") ?? truth.place.district
    // Scores as offices write them: "72", "72 điểm", "72/100".
    const scoreCell = placeholder("score") ?? [String(truth.score), `${truth.score} điểm`, `${truth.score}/100`][spec.index % 3]

    const hasCommune = LAYOUTS_WITH_COMMUNE_COLUMN.has(spec.layout) ? options.placeholder !== "commune" : spec.address !== "district-only"
    const hasRowDecision = !this.headingDecision && options.placeholder !== "decision"
    const record: ExpectedRecord = {
      product_name: truth.product,
      producer_name: truth.producer,
      // A tier-grouped list says only "TIỀM NĂNG 5 SAO" for such rows: no tier of its own.
      stars: spec.layout === "tier-grouped" && truth.potential ? null : truth.stars,
      potential_five_star: truth.potential,
      province_code_2025: truth.place.provinceCode,
      commune_as_listed: hasCommune ? truth.place.commune : null,
      decision_number: this.headingDecision ? this.headingDecision.number : hasRowDecision ? truth.decisionNumber : null,
      decision_date: this.headingDecision ? this.headingDecision.date : hasRowDecision ? truth.decisionDate : null,
      note: options.note ?? null,
    }
    this.lines.push({
      truth,
      nameCell,
      starsCell,
      scoreCell,
      decisionCell,
      communeCell,
      districtCell,
      expected: options.reject ? { outcome: "rejected", code: options.reject } : { outcome: "record", record },
    })
  }
}

const LAYOUTS_WITH_COMMUNE_COLUMN = new Set<Layout>(["flat", "district-grouped", "two-row-header", "reordered"])

function makeTruth(random: () => number, places: Place[], used: Set<string>): Truth {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
  const place = pick(places)
  let product: string
  do product = `${pick(PRODUCTS)} ${place.commune}${pick(BRANDS)}`
  while (used.has(product))
  used.add(product)
  const roll = random()
  const potential = roll < 0.08
  const stars: Truth["stars"] = potential ? (random() < 0.5 ? null : 4) : roll < 0.6 ? 3 : roll < 0.93 ? 4 : 5
  const year = 2019 + Math.floor(random() * 6)
  const month = 1 + Math.floor(random() * 12)
  const day = 1 + Math.floor(random() * 28)
  return {
    product,
    producer: `${pick(LEGAL_FORMS)} ${pick(PEOPLE)}`,
    place,
    stars,
    potential,
    decisionNumber: `${100 + Math.floor(random() * 4800)}/QĐ-UBND`,
    decisionDate: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
    score: stars === 5 ? 91 : stars === 4 || potential ? 72 + Math.floor(random() * 17) : 50 + Math.floor(random() * 19),
  }
}

/** Rows for one list (or one sheet): plain rows plus every kind of trouble, spread through the list. */
function fillList(builder: ListBuilder, places: Place[], count: number) {
  const { random } = builder
  const used = new Set<string>()
  const plain: Truth[] = []
  for (let i = 0; i < count; i++) {
    const truth = makeTruth(random, places, used)
    plain.push(truth)
    const kind = i % 6
    if (kind === 1) builder.add(truth, { note: builder.pick(NOTES), notePosition: i })
    else if (kind === 2) builder.add(truth, { placeholder: builder.pick(["score", "decision", "commune", "district"] as const) })
    else builder.add(truth)
  }
  // Names differing only by punctuation: two listings.
  const base = builder.pick(plain)
  const bare = { ...base, product: `${base.product.replace(/\s*\(.*\)$/, "")} VICO${builder.spec.index}` }
  builder.add(bare)
  builder.add({ ...bare, product: `${base.product.replace(/\s*\(.*\)$/, "")} (VICO${builder.spec.index})` })
  // A re-rating: the same product, another tier and a later decision (only where rows carry their own decision
  // or their own tier; a list under one heading decision re-rates nothing).
  if (!builder.headingDecision) {
    const first = plain[0]
    const later = `${Number(first.decisionDate.slice(0, 4)) + 3}${first.decisionDate.slice(4)}`
    builder.add(
      {
        ...first,
        stars: first.stars === 5 || first.stars === null ? 4 : ((first.stars + 1) as 4 | 5),
        potential: false,
        decisionNumber: `${Number(first.decisionNumber.split("/")[0]) + 7}/QĐ-UBND`,
        decisionDate: later,
      },
      { note: "nâng hạng", notePosition: 0 }
    )
  }
  // An identical row (pasted twice) is a duplicate; a 2★ row is rejected. Both are reported, neither vanishes.
  const twin = builder.lines.find((line) => line.expected.outcome === "record" && !line.nameCell.includes("VICO"))!
  builder.lines.push({ ...twin, expected: { outcome: "rejected", code: "duplicate_row" } })
  builder.add(makeTruth(random, places, used), { reject: "stars_out_of_range" })
}

// ── Rendering ─────────────────────────────────────────────────────────────────────────────────────────

type Table = { title: string[]; header: string[][]; merges?: string[]; body: (string | number)[][] }

function titleRows(place: Place, decision: { number: string; date: string } | null, writing: DateWriting): string[] {
  const rows = [`ỦY BAN NHÂN DÂN ${place.provinceType.toUpperCase()} ${place.province.toUpperCase()}`, "DANH SÁCH SẢN PHẨM ĐẠT CHUẨN OCOP"]
  if (decision) {
    const date = writeDate(decision.date, writing)
    const ngay = writing === "spelled" ? date : `ngày ${date}`
    rows.push(`(Kèm theo Quyết định số ${decision.number} ${ngay} của UBND ${place.provinceType} ${place.province})`)
  }
  return rows
}

function sortByTier(lines: Line[]): { section: string; lines: Line[] }[] {
  const sections: { section: string; test: (t: Truth) => boolean }[] = [
    { section: "SẢN PHẨM ĐẠT 5 SAO", test: (t) => t.stars === 5 && !t.potential },
    { section: "SẢN PHẨM ĐẠT 4 SAO", test: (t) => t.stars === 4 && !t.potential },
    { section: "SẢN PHẨM ĐẠT 3 SAO", test: (t) => t.stars === 3 && !t.potential },
    { section: "SẢN PHẨM TIỀM NĂNG 5 SAO (ĐỀ XUẤT TRUNG ƯƠNG ĐÁNH GIÁ, PHÂN HẠNG)", test: (t) => t.potential },
  ]
  return sections.map(({ section, test }) => ({ section, lines: lines.filter((line) => test(line.truth)) })).filter((s) => s.lines.length)
}

/** Renders the builder's rows as a table and renumbers source rows in the order they are written. */
function renderTable(builder: ListBuilder, place: Place): { table: Table; ordered: Line[] } {
  const { spec, headingDecision } = builder
  const lines = builder.lines
  const address = (line: Line) => writeAddress(line.truth.place, spec.address)
  const title = titleRows(place, headingDecision, spec.dates)
  switch (spec.layout) {
    case "annex":
    case "multi-sheet":
      return {
        ordered: lines,
        table: {
          title,
          header: [["TT", "Tên sản phẩm", "Tên chủ thể", "Địa chỉ", "Điểm", "Hạng sao"]],
          body: lines.map((l, i) => [i + 1, l.nameCell, l.truth.producer, address(l), l.scoreCell, l.starsCell]),
        },
      }
    case "flat":
      return {
        ordered: lines,
        table: {
          title: [],
          header: [
            ["STT", "Tên SP", "Chủ thể OCOP", "Xã/Phường/TT", "Huyện/TP", "Tỉnh", "Số sao", "Điểm đánh giá", "Số quyết định", "Ngày quyết định"],
          ],
          body: lines.map((l, i) => {
            const placeholderDecision = PLACEHOLDERS.includes(l.decisionCell)
            return [
              i + 1,
              l.nameCell,
              l.truth.producer,
              l.communeCell,
              l.districtCell,
              l.truth.place.province,
              l.starsCell,
              l.scoreCell,
              placeholderDecision ? l.decisionCell : l.truth.decisionNumber,
              placeholderDecision ? "" : writeDate(l.truth.decisionDate, spec.dates),
            ]
          }),
        },
      }
    case "tier-grouped": {
      const body: (string | number)[][] = []
      const ordered: Line[] = []
      const roman = ["I", "II", "III", "IV"]
      // Rows with a bad tier have no section to sit in: they go under a "1 sao" heading, which is rejected.
      const bad = lines.filter((l) => l.expected.outcome === "rejected" && l.expected.code === "stars_out_of_range")
      sortByTier(lines.filter((l) => !bad.includes(l))).forEach((section, s) => {
        body.push([roman[s], section.section, "", "", ""])
        section.lines.forEach((l, i) => {
          ordered.push(l)
          body.push([i + 1, l.nameCell, l.truth.producer, address(l), ""])
        })
      })
      if (bad.length) {
        body.push(["V", "SẢN PHẨM ĐẠT 2 SAO", "", "", ""])
        bad.forEach((l, i) => {
          ordered.push(l)
          body.push([i + 1, l.nameCell, l.truth.producer, address(l), ""])
        })
      }
      return { ordered, table: { title, header: [["TT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Ghi chú"]], body } }
    }
    case "district-grouped": {
      const body: (string | number)[][] = []
      const ordered: Line[] = []
      const districts = [...new Set(lines.map((l) => l.truth.place.district))]
      for (const district of districts) {
        const inDistrict = lines.filter((l) => l.truth.place.district === district)
        const type = inDistrict[0].truth.place.districtType
        body.push(["", `${type[0].toUpperCase()}${type.slice(1)} ${district}`, "", "", "", ""])
        inDistrict.forEach((l, i) => {
          ordered.push(l)
          body.push([i + 1, l.nameCell, l.truth.producer, l.communeCell, l.starsCell, l.decisionCell])
        })
      }
      return {
        ordered,
        table: { title, header: [["TT", "Tên sản phẩm", "Đơn vị", "Xã/Phường/TT", "Xếp hạng", "Quyết định (số, ngày)"]], body },
      }
    }
    case "two-row-header":
      return {
        ordered: lines,
        table: {
          title,
          header: [
            ["TT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "", "", "Kết quả", "Điểm đánh giá", "Số, ngày quyết định"],
            ["", "", "", "Xã", "Huyện", "Tỉnh", "", "", ""],
          ],
          merges: ["D{h}:F{h}"],
          body: lines.map((l, i) => [
            i + 1,
            l.nameCell,
            l.truth.producer,
            l.communeCell,
            l.districtCell,
            l.truth.place.province,
            l.starsCell,
            l.scoreCell,
            l.decisionCell,
          ]),
        },
      }
    case "reordered":
      return {
        ordered: lines,
        table: {
          title: [],
          header: [["Xếp hạng", "Tên sản phẩm", "Huyện/Thị xã/TP", "Xã/Phường/TT", "Chủ thể OCOP", "Tỉnh/TP", "Số, ngày quyết định"]],
          body: lines.map((l) => [l.starsCell, l.nameCell, l.districtCell, l.communeCell, l.truth.producer, l.truth.place.province, l.decisionCell]),
        },
      }
  }
}

function csvCell(value: string | number, delimiter: string): string {
  const text = String(value)
  return text.includes(delimiter) || /["\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function toText(table: Table, delimiter: string): string {
  const width = Math.max(...table.header.map((r) => r.length))
  const lines = [...table.title.map((t) => [t, ...Array(width - 1).fill("")]), ...table.header, ...table.body].map((row) =>
    row.map((cell) => csvCell(cell, delimiter)).join(delimiter)
  )
  return `${lines.join("\r\n")}\r\n`
}

function encodeText(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case "utf-8":
      return Buffer.from(text, "utf8")
    case "utf-8-bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")])
    case "utf-16le":
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])
    case "windows-1258":
      return toWindows1258Bytes(text)
    default:
      throw new Error(`${encoding} is not a text encoding`)
  }
}

const FIXED_DATE = new Date(Date.UTC(2025, 0, 1))

function addSheet(workbook: ExcelJS.Workbook, name: string, table: Table, vni: boolean) {
  const sheet = workbook.addWorksheet(name)
  const width = Math.max(...table.header.map((r) => r.length))
  const font = vni ? { name: "VNI-Times" } : undefined
  const write = (values: (string | number)[]) => {
    const row = sheet.addRow(values.map((v) => (typeof v === "string" && vni ? toVniString(v) : v)))
    if (font) row.eachCell((cell) => (cell.font = font))
    return row
  }
  for (const title of table.title) {
    const row = write([title])
    sheet.mergeCells(row.number, 1, row.number, width)
  }
  const headerStart = sheet.rowCount + 1
  for (const header of table.header) write(header)
  for (const merge of table.merges ?? []) sheet.mergeCells(merge.replace(/\{h\}/g, String(headerStart)))
  for (const values of table.body) {
    const row = write(values)
    // Section rows ("SẢN PHẨM ĐẠT 4 SAO", "Huyện …") merged across the table, as offices format them.
    if (values.slice(2).every((v) => v === "") && typeof values[1] === "string") sheet.mergeCells(row.number, 2, row.number, width)
  }
}

// ── The corpus ────────────────────────────────────────────────────────────────────────────────────────

const TEXT_ENCODINGS: Encoding[] = ["utf-8", "utf-8-bom", "utf-16le", "windows-1258"]
const XLSX_ENCODINGS: Encoding[] = ["xlsx", "xlsx-vni"]

/** The list specs: every layout with every star notation, address style and encoding spread over them. */
function listSpecs(count: number): ListSpec[] {
  const specs: ListSpec[] = []
  for (let i = 0; i < count; i++) {
    const layout = LAYOUTS[i % LAYOUTS.length]
    const round = Math.floor(i / LAYOUTS.length)
    const xlsxOnly = layout === "multi-sheet"
    const encodings = xlsxOnly ? XLSX_ENCODINGS : [...TEXT_ENCODINGS, ...XLSX_ENCODINGS]
    const encoding = encodings[(i + round * 3) % encodings.length]
    const stars = STAR_NOTATIONS[(i + round) % STAR_NOTATIONS.length]
    specs.push({
      index: i + 1,
      layout,
      // An 8-bit code page has no "★": such files write "4*".
      stars: stars === "glyphs" && encoding === "windows-1258" ? "asterisk" : stars,
      address: ADDRESS_STYLES[(i * 5 + round) % ADDRESS_STYLES.length],
      encoding,
      dates: DATE_WRITINGS[(i + round * 2) % DATE_WRITINGS.length],
    })
  }
  return specs
}

export async function generateCorpus(options: { lists?: number; seed?: number } = {}): Promise<CorpusList[]> {
  const random = seededRandom(options.seed ?? 20261128)
  const byProvince = placesByProvince()
  const provinceNames = [...byProvince.keys()].filter((name) => byProvince.get(name)!.length >= 20).sort()
  const lists: CorpusList[] = []
  for (const spec of listSpecs(options.lists ?? 42)) {
    const pickProvince = () => provinceNames[Math.floor(random() * provinceNames.length)]
    const sheetCount = spec.layout === "multi-sheet" ? 2 + (spec.index % 2) : 1
    // Title blocks state one decision for the list; flat and reordered lists carry theirs per row.
    const perRowDecision = ["flat", "district-grouped", "two-row-header", "reordered"].includes(spec.layout)
    // Lists without a province column or a title naming it must state it in the address.
    const address: AddressStyle = spec.address === "no-province" && (spec.layout === "reordered" || spec.layout === "flat") ? "typed" : spec.address
    const sheetSpec = { ...spec, address }
    const sheets: { name: string; table: Table; ordered: Line[] }[] = []
    for (let s = 0; s < sheetCount; s++) {
      const places = byProvince.get(pickProvince())!
      const headingDecision = perRowDecision
        ? null
        : {
            number: `${1000 + Math.floor(random() * 4000)}/QĐ-UBND`,
            date: `202${Math.floor(random() * 5)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`,
          }
      const builder = new ListBuilder(sheetSpec, random, headingDecision)
      fillList(builder, places, 12 + Math.floor(random() * 8))
      const rendered = renderTable(builder, places[0])
      sheets.push({ name: `${places[0].province.slice(0, 20)} ${s + 1}`, ...rendered })
    }
    const ordered = sheets.flatMap((sheet) => sheet.ordered)
    const rows: ExpectedRow[] = ordered.map((line, i) => ({ source_row: i + 1, ...line.expected }))
    let bytes: Buffer
    const isXlsx = sheetSpec.encoding === "xlsx" || sheetSpec.encoding === "xlsx-vni"
    if (isXlsx) {
      const workbook = new ExcelJS.Workbook()
      workbook.created = workbook.modified = FIXED_DATE
      sheets.forEach((sheet) => addSheet(workbook, sheet.name, sheet.table, sheetSpec.encoding === "xlsx-vni"))
      bytes = Buffer.from(await workbook.xlsx.writeBuffer())
    } else {
      const delimiter = spec.index % 3 === 0 ? "\t" : spec.index % 3 === 1 ? "," : ";"
      bytes = encodeText(toText(sheets[0].table, delimiter), sheetSpec.encoding)
    }
    const extension = isXlsx ? "xlsx" : "csv"
    lists.push({
      name: `${String(spec.index).padStart(2, "0")}-${spec.layout}-${spec.stars}-${sheetSpec.address}-${sheetSpec.encoding}.${extension}`,
      bytes,
      layout: spec.layout,
      stars: spec.stars,
      address: sheetSpec.address,
      encoding: sheetSpec.encoding,
      rows,
    })
  }
  return lists
}
