import { spawnSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { CertificationRecord, parseCertificationFile, ParseResult, RowError } from "./index"
import { FIXTURES_DIR } from "./test-paths"

const parse = (name: string) => parseCertificationFile(join(FIXTURES_DIR, name))
const pick = (records: CertificationRecord[], keys: (keyof CertificationRecord)[]) =>
  records.map((record) => Object.fromEntries(keys.map((key) => [key, record[key]])))

describe("fixtures", () => {
  it("are what make-fixtures.ts generates", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ocop-fixtures-"))
    try {
      const run = spawnSync(process.execPath, [require.resolve("tsx/cli"), join(FIXTURES_DIR, "make-fixtures.ts"), dir], { encoding: "utf8" })
      expect(run.status, run.stderr).toBe(0)
      const generated = readdirSync(dir).sort()
      expect(generated).toEqual(
        readdirSync(FIXTURES_DIR)
          .filter((name) => name !== "make-fixtures.ts")
          .sort()
      )
      for (const name of generated) {
        if (name.endsWith(".xlsx")) {
          // Workbooks carry zip timestamps: compare what the parser reads from them instead of bytes.
          const [fresh, committed] = await Promise.all([parseCertificationFile(join(dir, name)), parse(name)])
          expect(fresh.records).toEqual(committed.records)
        } else {
          expect({ name, same: readFileSync(join(dir, name)).equals(readFileSync(join(FIXTURES_DIR, name))) }).toEqual({ name, same: true })
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})

describe("legacy encodings", () => {
  it("reads a TCVN3-encoded CSV (8-bit bytes, comma, CRLF)", async () => {
    const result = await parse("tcvn3.csv")
    expect(result).toMatchObject({ format: "csv", encoding: "windows-1252", legacy_encoding: "tcvn3", errors: [] })
    expect(
      pick(result.records, [
        "product_name",
        "producer_name",
        "commune_as_listed",
        "district_as_listed",
        "province_as_listed",
        "stars",
        "decision_number",
        "decision_date",
      ])
    ).toEqual([
      {
        product_name: "Nước mắm Phú Quốc Hưng Thịnh",
        producer_name: "Công ty cổ phần nước mắm Hưng Thịnh",
        commune_as_listed: "Dương Đông",
        district_as_listed: "Phú Quốc",
        province_as_listed: "Kiên Giang",
        stars: 4,
        decision_number: "1234/QĐ-UBND",
        decision_date: "2022-08-15",
      },
      {
        product_name: "Chè búp Tân Cương",
        producer_name: "Hợp tác xã chè Tân Cương, Thái Nguyên",
        commune_as_listed: "Tân Cương",
        district_as_listed: "Thái Nguyên",
        province_as_listed: "Thái Nguyên",
        stars: 5,
        decision_number: "1234/QĐ-UBND",
        decision_date: "2022-08-15",
      },
      {
        product_name: "Mật ong bạc hà Đồng Văn",
        producer_name: "Hộ kinh doanh Lương Thị Hiền",
        commune_as_listed: null,
        district_as_listed: "Đồng Văn",
        province_as_listed: "Hà Giang",
        stars: 3,
        decision_number: null,
        decision_date: null,
      },
    ])
    expect(result.records.map((r) => r.province_code_2025)).toEqual(["91", "19", "08"])
  })

  it("reads a VNI-Windows CSV (8-bit bytes, semicolon)", async () => {
    const result = await parse("vni-windows.csv")
    expect(result).toMatchObject({ format: "csv", legacy_encoding: "vni", errors: [] })
    expect(
      pick(result.records, ["product_name", "producer_name", "commune_as_listed", "district_as_listed", "stars", "potential_five_star"])
    ).toEqual([
      {
        product_name: "Bánh phồng Sơn Đốc",
        producer_name: "Hộ kinh doanh Ba Hồng",
        commune_as_listed: "Hưng Nhượng",
        district_as_listed: "Giồng Trôm",
        stars: 4,
        potential_five_star: false,
      },
      {
        product_name: "Kẹo dừa Thanh Long",
        producer_name: "Công ty TNHH Kẹo dừa Thanh Long",
        commune_as_listed: "Thành Thới A",
        district_as_listed: "Mỏ Cày Nam",
        stars: 3,
        potential_five_star: false,
      },
      {
        product_name: "Rượu Phú Lễ",
        producer_name: "Cơ sở rượu Ba Đông",
        commune_as_listed: "Phú Lễ",
        district_as_listed: "Ba Tri",
        stars: null,
        potential_five_star: true,
      },
    ])
    expect(new Set(result.records.map((r) => `${r.province_as_listed} → ${r.province_name_2025}`))).toEqual(new Set(["Bến Tre → Tỉnh Vĩnh Long"]))
  })

  it("reads TCVN3 strings in a workbook: capitals font in the title, unhinted data cells", async () => {
    const result = await parse("tcvn3-strings.xlsx")
    expect(result).toMatchObject({ format: "xlsx", legacy_encoding: "tcvn3", errors: [] })
    expect(result.document).toEqual({
      province: "Quảng Ninh",
      province_code_2025: "22",
      decision_number: "4321/QĐ-UBND",
      decision_date: "2021-10-12",
    })
    expect(
      pick(result.records, ["product_name", "producer_name", "commune_as_listed", "district_as_listed", "score", "stars", "valid_until"])
    ).toEqual([
      {
        product_name: "Miến dong Bình Liêu",
        producer_name: "Hợp tác xã miến dong Bình Liêu",
        commune_as_listed: "Bình Liêu",
        district_as_listed: "Bình Liêu",
        score: 78,
        stars: 4,
        valid_until: "2024-10-12",
      },
      {
        product_name: "Trà hoa vàng Ba Chẽ",
        producer_name: "Công ty cổ phần trà hoa vàng",
        commune_as_listed: "Thanh Sơn",
        district_as_listed: "Ba Chẽ",
        score: 66,
        stars: 3,
        valid_until: "2024-10-12",
      },
      {
        product_name: "Chả mực Hạ Long",
        producer_name: "Hộ kinh doanh Phạm Thị Lụa",
        commune_as_listed: "Hồng Gai",
        district_as_listed: "Hạ Long",
        score: null,
        stars: 3,
        valid_until: "2024-10-12",
      },
    ])
  })

  it("reads VNI strings in a workbook typed in VNI-Times", async () => {
    const result = await parse("vni-strings.xlsx")
    expect(result).toMatchObject({ legacy_encoding: "vni", errors: [] })
    expect(result.records.map((r) => [r.product_name, r.producer_name, r.commune_as_listed, r.province_as_listed])).toEqual([
      ["Nước mắm Nhĩ Thượng hạng", "Công ty TNHH Nước mắm Phan Thiết", "Đức Long", "Bình Thuận"],
      ["Thanh long ruột đỏ", "Hợp tác xã Thanh long Hàm Thuận Nam", "Hàm Minh", "Bình Thuận"],
    ])
  })
})

describe("layouts", () => {
  it("reads a semicolon CSV without BOM, unaccented headers, every star notation and product groups", async () => {
    const result = await parse("no-bom-semicolon.csv")
    expect(result).toMatchObject({ format: "csv", encoding: "utf-8", errors: [] })
    expect(pick(result.records, ["stars", "potential_five_star", "score", "product_group_code", "producer_type"])).toEqual([
      { stars: 3, potential_five_star: false, score: 62, product_group_code: "I", producer_type: "cooperative" },
      { stars: 3, potential_five_star: false, score: 55.5, product_group_code: "II", producer_type: "cooperative_group" },
      { stars: 3, potential_five_star: false, score: null, product_group_code: "I.1.a", producer_type: "farm" },
      { stars: 4, potential_five_star: false, score: null, product_group_code: "IV.2", producer_type: "association" },
      { stars: 3, potential_five_star: false, score: null, product_group_code: null, producer_type: "association" },
      { stars: 4, potential_five_star: true, score: null, product_group_code: null, producer_type: "enterprise" },
      { stars: null, potential_five_star: true, score: null, product_group_code: null, producer_type: "enterprise" },
    ])
    const first = result.records[0]
    // "thôn Lâm Đồng" is a hamlet; the note column ("4 sao") is never read.
    expect(first).toMatchObject({
      commune_as_listed: "Xuân Trường",
      district_as_listed: "Đà Lạt",
      province_as_listed: "Lâm Đồng",
      decision_date: "2021-04-06",
      valid_until: "2024-04-06",
    })
    expect(result.records[4]).toMatchObject({ province_as_listed: "Thừa Thiên Huế", province_code_2025: "46", province_name_2025: "Thành phố Huế" })
    expect(result.records[3]).toMatchObject({ province_as_listed: "Hà Nội", district_as_listed: "Hà Đông", commune_as_listed: "Vạn Phúc" })
  })

  it("reads a tab-separated file with BOM, title rows, tier sections, footnote and signature", async () => {
    const result = await parse("bom-tab.tsv")
    expect(result).toMatchObject({ format: "tsv", encoding: "utf-8-bom", rows_read: 4, errors: [] })
    expect(result.document).toEqual({ province: "Đắk Lắk", province_code_2025: "66", decision_number: "3300/QĐ-UBND", decision_date: "2022-12-30" })
    expect(pick(result.records, ["source_row", "product_name", "stars", "province_as_listed", "district_as_listed", "commune_as_listed"])).toEqual([
      {
        source_row: 1,
        product_name: "Cà phê bột Ea Tu",
        stars: 4,
        province_as_listed: "Đắk Lắk",
        district_as_listed: "Buôn Ma Thuột",
        commune_as_listed: "Ea Tu",
      },
      // the hamlet "thôn Lâm Đồng" does not move the product to Lâm Đồng province
      {
        source_row: 2,
        product_name: "Sầu riêng Krông Pắc",
        stars: 4,
        province_as_listed: "Đắk Lắk",
        district_as_listed: "Krông Pắc",
        commune_as_listed: "Phước An",
      },
      {
        source_row: 3,
        product_name: "Mắc ca Đắk Mil",
        stars: 3,
        province_as_listed: "Đắk Nông",
        district_as_listed: "Đắk Mil",
        commune_as_listed: "Đức Minh",
      },
      {
        source_row: 4,
        product_name: "Gạo Buôn Trấp",
        stars: 3,
        province_as_listed: "Đắk Lắk",
        district_as_listed: "Krông Ana",
        commune_as_listed: "Buôn Trấp",
      },
    ])
    expect(result.records[2].province_code_2025).toBe("68")
  })

  it("reads a two-row header with merged cells, column numbers, a vertically merged producer and date cells", async () => {
    const result = await parse("two-row-header.xlsx")
    expect(result).toMatchObject({ format: "xlsx", rows_read: 3, errors: [] })
    expect(
      pick(result.records, [
        "product_name",
        "producer_name",
        "commune_as_listed",
        "district_as_listed",
        "province_as_listed",
        "stars",
        "decision_date",
      ])
    ).toEqual([
      {
        product_name: "Nhút Thanh Chương",
        producer_name: "HTX Nhút Thanh Chương",
        commune_as_listed: "Thanh Đồng",
        district_as_listed: "Thanh Chương",
        province_as_listed: "Nghệ An",
        stars: 3,
        decision_date: "2025-01-01",
      },
      {
        product_name: "Tương Nam Đàn",
        producer_name: "HTX Nhút Thanh Chương",
        commune_as_listed: "Nam Trung",
        district_as_listed: "Nam Đàn",
        province_as_listed: "Nghệ An",
        stars: 4,
        decision_date: "2025-01-01",
      },
      {
        product_name: "Cam Vinh",
        producer_name: "Công ty TNHH Cam Vinh",
        commune_as_listed: "Minh Hợp",
        district_as_listed: "Quỳ Hợp",
        province_as_listed: "Nghệ An",
        stars: 4,
        decision_date: "2025-01-01",
      },
    ])
  })

  it("reads decision prose with items on one line and a potential-5-star group", async () => {
    const result = await parse("decision-inline.txt")
    expect(result).toMatchObject({ format: "text", errors: [] })
    expect(result.document).toMatchObject({ province: "Bến Tre", decision_number: "2211/QĐ-UBND", decision_date: "2022-09-15" })
    expect(
      pick(result.records, ["source_row", "product_name", "producer_name", "stars", "potential_five_star", "commune_as_listed", "district_as_listed"])
    ).toEqual([
      {
        source_row: 1,
        product_name: "Kẹo dừa sáp",
        producer_name: "Công ty TNHH Kẹo dừa Thanh Long",
        stars: 4,
        potential_five_star: false,
        commune_as_listed: "Thành Thới A",
        district_as_listed: "Mỏ Cày Nam",
      },
      {
        source_row: 2,
        product_name: "Bánh phồng Sơn Đốc",
        producer_name: "Hộ kinh doanh Ba Hồng",
        stars: 4,
        potential_five_star: false,
        commune_as_listed: "Hưng Nhượng",
        district_as_listed: "Giồng Trôm",
      },
      {
        source_row: 3,
        product_name: "Quà của biển",
        producer_name: "HTX Thạnh Phong",
        stars: null,
        potential_five_star: true,
        commune_as_listed: "Thạnh Phong",
        district_as_listed: "Thạnh Phú",
      },
    ])
  })

  it("reads Excel's UTF-16 'Unicode text' export saved as .txt", async () => {
    const result = await parse("excel-unicode-text.txt")
    expect(result).toMatchObject({ format: "tsv", encoding: "utf-16le", errors: [] })
    expect(result.records[0]).toMatchObject({
      product_name: "Bưởi Phúc Trạch",
      producer_name: "HTX Bưởi Phúc Trạch",
      province_code_2025: "42",
      stars: 4,
    })
  })
})

describe("rejected rows", () => {
  let result: ParseResult
  const errorFor = (row: number): Omit<RowError, "source_row">[] =>
    result.errors.filter((e) => e.source_row === row).map(({ source_row: _, ...rest }) => rest)

  it("keeps the good rows, including two names differing only in punctuation and a second rating of one product", async () => {
    result = await parse("bad-rows.csv")
    expect(result.rows_read).toBe(15)
    expect(result.rows_rejected).toBe(11)
    expect(result.records.map((r) => [r.source_row, r.product_name])).toEqual([
      [1, "Mắm tôm Hòa Hải"],
      // Row 9 rates row 1's product again (4★ instead of 3★): rating history, not a duplicate.
      [9, "MẮM TÔM HOÀ HẢI"],
      [14, "Dừa sáp sợi VICOSAP"],
      [15, "Dừa sáp sợi (VICOSAP)"],
    ])
  })

  it.each([
    [2, { column: "Tên sản phẩm", value: null, code: "missing_product_name", message: "Thiếu tên sản phẩm" }],
    [3, { column: "Hạng sao", value: "2", code: "stars_out_of_range", message: "Hạng sao phải là 3, 4 hoặc 5" }],
    [4, { column: "Hạng sao", value: "6 sao", code: "stars_out_of_range", message: "Hạng sao phải là 3, 4 hoặc 5" }],
    [
      5,
      {
        column: "Hạng sao",
        value: "nhiều sao",
        code: "unreadable_stars",
        message: "Không đọc được hạng sao (ví dụ hợp lệ: 3, 4 sao, ★★★, Tiềm năng 5 sao)",
      },
    ],
    [6, { column: "Địa chỉ", value: "tỉnh Atlantis", code: "unknown_province", message: "Tỉnh/thành phố không có trong danh mục" }],
    [
      7,
      {
        column: "Địa chỉ",
        value: null,
        code: "missing_province",
        message: "Không xác định được tỉnh/thành phố (dòng và tiêu đề văn bản đều không ghi)",
      },
    ],
    [8, { column: "Ngày quyết định", value: "31/02/2023", code: "invalid_date", message: "Ngày quyết định không hợp lệ" }],
    [
      10,
      {
        column: "Tên sản phẩm",
        value: "&#60;script&#62;alert(1)&#60;/script&#62;",
        code: "markup_not_allowed",
        message: "Tên sản phẩm: Nội dung chứa mã HTML hoặc script, không được phép / HTML or script markup is not allowed",
      },
    ],
    [
      11,
      {
        column: "Chủ thể",
        value: "Cơ sở &#60;img src=x onerror=alert(1)&#62;",
        code: "markup_not_allowed",
        message: "Chủ thể: Nội dung chứa mã HTML hoặc script, không được phép / HTML or script markup is not allowed",
      },
    ],
    [
      12,
      {
        column: "Địa chỉ",
        value: "javascript:alert(1)",
        code: "markup_not_allowed",
        message: "Địa chỉ: Nội dung chứa mã HTML hoặc script, không được phép / HTML or script markup is not allowed",
      },
    ],
    [13, { column: "Điểm", value: "150", code: "invalid_score", message: "Điểm phải là một số từ 0 đến 100" }],
  ])("row %i is rejected with its reason", (row, error) => {
    expect(errorFor(row)).toEqual([error])
  })

  it("never lets markup into a record", () => {
    for (const record of result.records) expect(JSON.stringify(record)).not.toMatch(/<|javascript:/i)
  })
})
