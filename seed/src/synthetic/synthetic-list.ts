/**
 * A deterministic synthetic certification list for benchmarks and crash tests: realistic rows spread over the
 * 34 provinces — real commune, district and province names, two thirds written with the pre-2025 names (as
 * certified) and one third with the current ones — in the shapes provinces publish (CSV, XLSX).
 */
import { writeFileSync } from "node:fs"
import ExcelJS from "exceljs"
import { communes, provinces, rawWardMappings } from "@ocop/domain/places"

/** mulberry32: a small seeded generator, so every run benchmarks the same file. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PRODUCTS = [
  "Nước mắm",
  "Chè búp",
  "Cà phê rang xay",
  "Mật ong hoa rừng",
  "Gạo thơm",
  "Rượu nếp",
  "Bánh đa",
  "Kẹo lạc",
  "Miến dong",
  "Nấm linh chi",
  "Tinh dầu sả",
  "Yến sào",
  "Bưởi da xanh",
  "Xoài cát",
  "Mắm tôm",
  "Giò lụa",
  "Trà hoa vàng",
  "Dầu lạc",
  "Tương bần",
  "Nem chua",
  "Chả mực",
  "Hạt điều rang muối",
  "Măng khô",
  "Thịt trâu gác bếp",
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

export type SyntheticRow = { product: string; producer: string; address: string; stars: string; decision: string; date: string; group: string }

function makeRow(index: number, random: () => number): SyntheticRow {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]
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
const cellsOf = (row: SyntheticRow, i: number) => [
  String(i + 1),
  row.product,
  row.producer,
  row.address,
  row.stars,
  row.decision,
  row.date,
  row.group,
]
const csvCell = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text)

export function writeSyntheticCsv(path: string, rows: SyntheticRow[]): string {
  const lines = [HEADER.join(","), ...rows.map((row, i) => cellsOf(row, i).map(csvCell).join(","))]
  writeFileSync(path, `\ufeff${lines.join("\r\n")}\r\n`)
  return path
}

export async function writeSyntheticXlsx(path: string, rows: SyntheticRow[]): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet("Phụ lục")
  sheet.addRow(["DANH SÁCH SẢN PHẨM ĐẠT CHUẨN OCOP"])
  sheet.mergeCells("A1:H1")
  sheet.addRow(HEADER)
  rows.forEach((row, i) => sheet.addRow(cellsOf(row, i)))
  await workbook.xlsx.writeFile(path)
  return path
}

/** `count` rows, the same for the same seed. */
export function generateSyntheticRows(count: number, seed = 20250701): SyntheticRow[] {
  const random = seededRandom(seed)
  return Array.from({ length: count }, (_, i) => makeRow(i, random))
}
