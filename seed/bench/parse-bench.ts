/**
 * Parse + validate throughput of the certification-list parser (`npm run bench -w @ocop/seed`).
 *
 * Generates a deterministic list of 20,000 realistic rows spread over the 34 provinces — real commune,
 * district and province names, two thirds written with the pre-2025 names (as certified) and one third with
 * the current ones — writes it as CSV and as XLSX to a temp dir, then times parseCertificationFile on each.
 * Prints rows/s and peak RSS; the target is ≥ 20,000 rows/s for CSV. Nothing is asserted.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { performance } from "node:perf_hooks"
import ExcelJS from "exceljs"
import { parseCertificationFile } from "../src/certification-list"
import { communes, provinces } from "../src/places"
import { rawWardMappings } from "../src/places/data"

const ROWS = 20_000
const RUNS = 3

/** mulberry32: a small seeded generator, so every run benchmarks the same file. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = seededRandom(20250701)
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]

const PRODUCTS = [
  "Nước mắm", "Chè búp", "Cà phê rang xay", "Mật ong hoa rừng", "Gạo thơm", "Rượu nếp", "Bánh đa", "Kẹo lạc",
  "Miến dong", "Nấm linh chi", "Tinh dầu sả", "Yến sào", "Bưởi da xanh", "Xoài cát", "Mắm tôm", "Giò lụa",
  "Trà hoa vàng", "Dầu lạc", "Tương bần", "Nem chua", "Chả mực", "Hạt điều rang muối", "Măng khô", "Thịt trâu gác bếp",
]
const VARIANTS = ["", " loại 1", " đặc biệt", " hữu cơ", " hộp 500g", " túi lọc", " truyền thống", " cao cấp"]
const LEGAL_FORMS = ["Hợp tác xã", "HTX", "Công ty TNHH", "Công ty cổ phần", "Hộ kinh doanh", "Cơ sở sản xuất", "Tổ hợp tác", "Trang trại"]
const PEOPLE = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Thu Hà", "Hoàng Đức Long", "Vũ Thị Mai", "Đặng Quốc Bảo"]
const STARS = ["3", "3", "3", "4", "4", "3 sao", "4 sao", "03 sao", "★★★", "5", "Tiềm năng 5 sao", "4 sao (tiềm năng 5 sao)"]
const GROUPS = ["", "", "Thực phẩm", "Đồ uống", "Gia vị", "Chè", "I.2.b", "Thảo dược", "Vải và may mặc"]

const currentProvinceByCode = new Map(provinces.map((p) => [p.code, p]))
// A few mapping rows lack the old names; a real list always names them.
const oldMappings = rawWardMappings.filter((m) => m.old_ward_name && m.old_district_name && m.old_province_name)
const lowerType = (name: string) => name.replace(/^(Xã|Phường|Thị trấn|Huyện|Quận|Thị xã|Thành phố|Tỉnh)\s/, (w) => w.toLowerCase())

type Row = { product: string; producer: string; address: string; stars: string; decision: string; date: string; group: string }

function makeRow(index: number): Row {
  let address: string
  if (random() < 2 / 3) {
    // As certified before 07/2025: old commune, old district, old province.
    const old = pick(oldMappings)
    address = [old.old_ward_name, old.old_district_name, old.old_province_name].map((n) => lowerType(String(n))).join(", ")
  } else {
    // Certified after the reform: current commune and province, no district.
    const commune = pick(communes)
    address = `${lowerType(commune.name)}, ${lowerType(currentProvinceByCode.get(commune.provinceCode)!.name)}`
  }
  const place = address.split(", ")[0].replace(/^(xã|phường|thị trấn)\s/, "")
  const year = 2019 + Math.floor(random() * 6)
  const day = 1 + Math.floor(random() * 28)
  const month = 1 + Math.floor(random() * 12)
  return {
    // The index keeps names unique: a real list has no two identical products of one producer.
    product: `${pick(PRODUCTS)} ${place}${pick(VARIANTS)} ${index}`,
    producer: `${pick(LEGAL_FORMS)} ${pick(PEOPLE)}`,
    address,
    stars: pick(STARS),
    decision: `${100 + Math.floor(random() * 5000)}/QĐ-UBND`,
    date: `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`,
    group: pick(GROUPS),
  }
}

const HEADER = ["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Hạng sao", "Số quyết định", "Ngày quyết định", "Nhóm sản phẩm"]
const cellsOf = (row: Row, i: number) => [String(i + 1), row.product, row.producer, row.address, row.stars, row.decision, row.date, row.group]
const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)

function writeCsv(dir: string, rows: Row[]): string {
  const path = join(dir, "bench.csv")
  const lines = [HEADER.join(","), ...rows.map((row, i) => cellsOf(row, i).map(csvCell).join(","))]
  writeFileSync(path, `\ufeff${lines.join("\r\n")}\r\n`)
  return path
}

async function writeXlsx(dir: string, rows: Row[]): Promise<string> {
  const path = join(dir, "bench.xlsx")
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet("Phụ lục")
  sheet.addRow(["DANH SÁCH SẢN PHẨM ĐẠT CHUẨN OCOP"])
  sheet.mergeCells("A1:H1")
  sheet.addRow(HEADER)
  rows.forEach((row, i) => sheet.addRow(cellsOf(row, i)))
  await workbook.xlsx.writeFile(path)
  return path
}

const peakRssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0)

async function time(path: string) {
  const durations: number[] = []
  let result = await parseCertificationFile(path) // warm-up: JIT and lazily built lookups
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now()
    result = await parseCertificationFile(path)
    durations.push(performance.now() - start)
  }
  const best = Math.min(...durations)
  return { best, median: durations.sort((a, b) => a - b)[Math.floor(RUNS / 2)], result }
}

async function report(label: string, path: string) {
  const { best, median, result } = await time(path)
  const perSecond = (ms: number) => Math.round((result.rows_read / ms) * 1000).toLocaleString("en-US")
  console.log(
    `${label}  parse+validate ${result.rows_read} rows: best ${best.toFixed(0)} ms (${perSecond(best)} rows/s), ` +
      `median ${median.toFixed(0)} ms (${perSecond(median)} rows/s); accepted ${result.records.length}, ` +
      `rejected ${result.rows_rejected}; peak RSS so far ${peakRssMb()} MB`
  )
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "ocop-bench-"))
  try {
    const rows = Array.from({ length: ROWS }, (_, i) => makeRow(i))
    console.log(`${ROWS} synthetic rows over ${new Set(rows.map((r) => r.address.split(", ").pop())).size} province names (old and new), in ${dir}`)
    // CSV first, so its peak RSS is not inflated by building and reading the workbook.
    await report("CSV ", writeCsv(dir, rows))
    await report("XLSX", await writeXlsx(dir, rows))
  } finally {
    if (!process.env.KEEP_BENCH) rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
