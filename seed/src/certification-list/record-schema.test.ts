import { describe, expect, it } from "vitest"
import { checkRecord, formatErrorReport, TEXT_LIMITS, type CertificationRecord } from "./index"

const good: CertificationRecord = {
  product_name: "Mật ong bạc hà",
  producer_name: "HTX Ong Mèo Vạc",
  stars: 4,
  potential_five_star: false,
  score: 72,
  province_as_listed: "Hà Giang",
  district_as_listed: "Mèo Vạc",
  commune_as_listed: "Mèo Vạc",
  province_code_2025: "08",
  province_name_2025: "Tỉnh Tuyên Quang",
  decision_number: "12/QĐ-UBND",
  decision_date: "2024-03-01",
  source_row: 5,
  producer_type: "cooperative",
  commune_code_2025: null,
  product_group_code: null,
  valid_until: "2027-03-01",
  address_as_listed: null,
}

const errorsOf = (input: unknown) => {
  const checked = checkRecord(input, 1)
  return "errors" in checked ? checked.errors : []
}

describe("the one record schema of both import paths", () => {
  it("accepts a real row, and a formula-looking name verbatim", () => {
    expect(checkRecord(good, 1)).toEqual({ record: good })
    const formula = { ...good, product_name: '=HYPERLINK("http://x","y")' }
    expect(checkRecord(formula, 1)).toEqual({ record: formula })
  })

  it("has a limit for every text field and names the field first", () => {
    for (const [field, max] of Object.entries(TEXT_LIMITS)) {
      const [error] = errorsOf({ ...good, [field]: "a".repeat(max + 1) })
      expect(error, field).toMatchObject({ source_row: 5, column: field, code: "too_long" })
      expect(error.message.startsWith(`${field}: `)).toBe(true)
      expect(error.value!.length).toBeLessThanOrEqual(101)
    }
    const [huge] = errorsOf({ ...good, product_name: "x".repeat(100_000) })
    expect(JSON.stringify(huge).length).toBeLessThan(400)
  })

  it("refuses markup in any text field and never quotes it live", () => {
    for (const value of ["<script>alert(1)</script>", 'Chè <img src=x onerror="alert(1)">', "javascript:alert(1)", "&lt;b&gt;"]) {
      const [error] = errorsOf({ ...good, producer_name: value })
      expect(error, value).toMatchObject({ column: "producer_name", code: "markup_not_allowed" })
      expect(error.value).not.toMatch(/[<>]/)
    }
    expect(errorsOf({ ...good, product_name: "Gạo tấm <5% tấm" })).toEqual([])
  })

  it("carries the rating's note under the same rules as every other text field", () => {
    expect(checkRecord({ ...good, note: "nâng hạng" }, 1)).toEqual({ record: { ...good, note: "nâng hạng" } })
    expect(checkRecord({ ...good, note: null }, 1)).toEqual({ record: { ...good, note: null } })
    const [markup] = errorsOf({ ...good, note: "<script>alert(1)</script>" })
    expect(markup).toMatchObject({ column: "note", code: "markup_not_allowed" })
    expect(markup.message.startsWith("note: ")).toBe(true)
    expect(markup.value).not.toMatch(/[<>]/)
  })

  it("resolves every code before anything is written", () => {
    expect(errorsOf({ ...good, province_code_2025: "99" })[0]).toMatchObject({ column: "province_code_2025", code: "unknown_province", value: "99" })
    expect(errorsOf({ ...good, province_name_2025: "Tỉnh Khác" })[0]).toMatchObject({ column: "province_name_2025" })
    expect(errorsOf({ ...good, commune_code_2025: "9999999" })[0]).toMatchObject({ column: "commune_code_2025", code: "unknown_commune" })
    expect(errorsOf({ ...good, product_group_code: "V.9.d" })[0]).toMatchObject({ column: "product_group_code", code: "unknown_product_group" })
    expect(errorsOf({ ...good, decision_date: "2024-02-31" })[0]).toMatchObject({ column: "decision_date", code: "invalid_date" })
    expect(errorsOf({ ...good, valid_until: "2020-01-01" })[0]).toMatchObject({ column: "valid_until", code: "invalid_date" })
    expect(errorsOf({ ...good, stars: 9 })[0]).toMatchObject({ column: "stars", value: "9" })
  })

  it("numbers a row without a usable source_row by its position, and cuts unknown keys short", () => {
    const errors = checkRecord({ ...good, source_row: "x", ["k".repeat(10_000)]: 1 }, 42)
    expect("errors" in errors && errors.errors.every((e) => e.source_row === 42)).toBe(true)
    expect(JSON.stringify(errors).length).toBeLessThan(1_000)
  })
})

describe("the error report", () => {
  it("escapes formula-looking cells so that a spreadsheet shows them as text", () => {
    const csv = formatErrorReport([
      { source_row: 1, column: "product_name", value: '=HYPERLINK("http://x","y")', code: "too_long", message: "+cmd" },
      { source_row: 2, column: "@col", value: "-2+3", code: "x", message: "ok" },
    ])
    expect(csv.split("\n")[1]).toBe(`1,product_name,"'=HYPERLINK(""http://x"",""y"")",too_long,'+cmd`)
    expect(csv.split("\n")[2]).toBe("2,'@col,'-2+3,x,ok")
  })
})
