import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import ExcelJS from "exceljs"
import { afterAll, describe, expect, it } from "vitest"
import { toTcvn3String, toVniString } from "./encode-legacy"
import { parseCertificationBuffer } from "./index"

/**
 * What the fixtures do not show: rich-text cells whose runs are typed in different fonts (a TCVN3 run next to a
 * VNI one and a Unicode one), in a workbook's shared strings and as inline strings (how streaming writers and
 * several export tools save text), with a producer merged over two rows under a title merged across the table.
 */
const dir = mkdtempSync(join(tmpdir(), "ocop-read-xlsx-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const tcvn3 = (text: string) => ({ text: toTcvn3String(text), font: { name: ".VnTime" } })
const vni = (text: string) => ({ text: toVniString(text), font: { name: "VNI-Times" } })

function fillAnnex(sheet: ExcelJS.Worksheet) {
  sheet.addRow(["UBND TỈNH NGHỆ AN"])
  sheet.addRow(["(Kèm theo Quyết định số 2468/QĐ-UBND ngày 20/11/2024 của UBND tỉnh Nghệ An)"])
  sheet.addRow(["TT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Hạng sao"])
  sheet.addRow([
    1,
    { richText: [tcvn3("Nhút "), vni("Thanh Chương")] },
    { richText: [tcvn3("HTX Nhút "), { text: "Thanh Chương" }] },
    "xã Thanh Đồng, huyện Thanh Chương",
    "3 sao",
  ])
  sheet.addRow([2, { richText: [vni("Tương "), tcvn3("Nam Đàn")] }, null, "xã Nam Trung, huyện Nam Đàn", "4 sao"])
  sheet.mergeCells("A1:E1")
  sheet.mergeCells("C4:C5") // one producer for both products
}

/** Shared strings through exceljs' Workbook (its streaming writer files every rich text under one key), inline ones through its streaming writer. */
async function annex(sharedStrings: boolean): Promise<Buffer> {
  if (sharedStrings) {
    const book = new ExcelJS.Workbook()
    fillAnnex(book.addWorksheet("Phụ lục"))
    return Buffer.from(await book.xlsx.writeBuffer())
  }
  const filename = join(dir, "annex-inline.xlsx")
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useSharedStrings: false, useStyles: true })
  fillAnnex(book.addWorksheet("Phụ lục"))
  await book.commit()
  return readFileSync(filename)
}

describe("XLSX cells in rich text, shared or inline", () => {
  it.each([
    ["shared strings", true],
    ["inline strings", false],
  ])("reads each run of a cell in its own font (%s) and gives a merged producer to every row it covers", async (_, shared) => {
    const result = await parseCertificationBuffer(await annex(shared), "nghe-an.xlsx")
    expect(result).toMatchObject({ format: "xlsx", rows_read: 2, errors: [], legacy_encoding: "tcvn3" })
    expect(result.document).toMatchObject({ province: "Nghệ An", decision_number: "2468/QĐ-UBND", decision_date: "2024-11-20" })
    expect(result.records.map((r) => [r.product_name, r.producer_name, r.commune_as_listed, r.stars])).toEqual([
      ["Nhút Thanh Chương", "HTX Nhút Thanh Chương", "Thanh Đồng", 3],
      ["Tương Nam Đàn", "HTX Nhút Thanh Chương", "Nam Trung", 4],
    ])
  })
})

describe("damaged workbooks", () => {
  it("refuses a workbook cut short (an interrupted download) instead of reading fewer rows", async () => {
    const bytes = await annex(true)
    await expect(parseCertificationBuffer(bytes.subarray(0, bytes.length >> 1), "nghe-an.xlsx")).rejects.toThrow(
      /^Không mở được bảng tính nghe-an\.xlsx: zip: /
    )
  })

  it("refuses a sheet whose XML is broken, naming the part and the line", async () => {
    const book = new ExcelJS.Workbook()
    fillAnnex(book.addWorksheet("Phụ lục"))
    // Stored, not deflated, so the sheet's XML can be damaged in place (a row closed by the wrong tag).
    const bytes = Buffer.from(await book.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions))
    const at = bytes.indexOf("</row>", bytes.indexOf("<sheetData>"))
    expect(at).toBeGreaterThan(0)
    bytes.write("</rox>", at)
    await expect(parseCertificationBuffer(bytes, "nghe-an.xlsx")).rejects.toThrow(
      /^Không mở được bảng tính nghe-an\.xlsx: xl\/worksheets\/sheet1\.xml:\d+:\d+: /
    )
  })
})
