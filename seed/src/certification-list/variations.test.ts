import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { toWindows1258Bytes } from "./encode-legacy"
import { certifiedStars } from "@ocop/domain"
import { listingIdentity, parseCertificationBuffer, ratingRounds, splitNameNote } from "./index"

/** Hand-written lists, one per kind of variation a provincial office produces (issue 13). */
const csv = (text: string) => Buffer.from(text, "utf8")
const pick = <T extends object, K extends keyof T>(rows: T[], keys: K[]) => rows.map((row) => Object.fromEntries(keys.map((key) => [key, row[key]])))

async function workbook(sheets: { name: string; rows: (string | number | null)[][] }[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  for (const { name, rows } of sheets) {
    const sheet = book.addWorksheet(name)
    rows.forEach((row) => sheet.addRow(row))
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}

describe("1. several sheets, each its own list", () => {
  it("applies each sheet's own province and decision to its rows only", async () => {
    const bytes = await workbook([
      {
        name: "Bắc Giang",
        rows: [
          ["UBND TỈNH BẮC GIANG"],
          ["(Kèm theo Quyết định số 527/QĐ-UBND ngày 3/9/2022 của UBND tỉnh Bắc Giang)"],
          ["TT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Hạng sao"],
          [1, "Vải thiều sấy khô", "HTX Vải Lục Ngạn", "xã Phượng Sơn, huyện Lục Ngạn", "4 sao"],
        ],
      },
      {
        name: "Sóc Trăng",
        rows: [
          ["ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG"],
          ["(Kèm theo Quyết định số 1890/QĐ-UBND ngày 15 tháng 7 năm 2023 của UBND tỉnh Sóc Trăng)"],
          ["TT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Hạng sao"],
          [1, "Bánh pía sầu riêng", "Cơ sở Tân Huê Viên", "xã Phú Tâm, huyện Châu Thành", "3 sao"],
          [2, "Kẹo chuối", "HTX Mỹ Xuyên", "thị trấn Mỹ Xuyên, huyện Mỹ Xuyên", "3 sao"],
        ],
      },
    ])
    const result = await parseCertificationBuffer(bytes, "hai-tinh.xlsx")
    expect(result.errors).toEqual([])
    expect(pick(result.records, ["source_row", "province_as_listed", "province_code_2025", "decision_number", "decision_date"])).toEqual([
      { source_row: 1, province_as_listed: "Bắc Giang", province_code_2025: "24", decision_number: "527/QĐ-UBND", decision_date: "2022-09-03" },
      { source_row: 2, province_as_listed: "Sóc Trăng", province_code_2025: "92", decision_number: "1890/QĐ-UBND", decision_date: "2023-07-15" },
      { source_row: 3, province_as_listed: "Sóc Trăng", province_code_2025: "92", decision_number: "1890/QĐ-UBND", decision_date: "2023-07-15" },
    ])
  })
})

describe("2. placeholder cells", () => {
  it.each(["-", "–", "—", "x", ".", "N/A", "không", "chưa có"])("reads %s in score, decision, commune and district as no value", async (mark) => {
    const result = await parseCertificationBuffer(
      csv(
        `STT,Tên sản phẩm,Chủ thể,Xã,Huyện,Tỉnh,Hạng sao,Điểm,Số quyết định,Ngày quyết định\n1,Chè Shan tuyết,HTX Chè Vị Xuyên,${mark},${mark},Hà Giang,3,${mark},${mark},${mark}\n`
      ),
      "placeholders.csv"
    )
    expect(result.errors).toEqual([])
    expect(pick(result.records, ["commune_as_listed", "district_as_listed", "score", "decision_number", "decision_date", "stars"])).toEqual([
      { commune_as_listed: null, district_as_listed: null, score: null, decision_number: null, decision_date: null, stars: 3 },
    ])
  })
})

describe("3. notes after a product's name", () => {
  it.each([
    ["Chè Shan tuyết (đánh giá lại)", "Chè Shan tuyết", "đánh giá lại"],
    ["Chè Shan tuyết - tái đánh giá", "Chè Shan tuyết", "tái đánh giá"],
    ["Cà phê bột – nâng hạng", "Cà phê bột", "nâng hạng"],
    ["Mật ong (sản phẩm mới)", "Mật ong", "sản phẩm mới"],
    ["Rượu nếp (lần 2)", "Rượu nếp", "lần 2"],
    ["Dừa sáp sợi (VICOSAP) (công nhận lại)", "Dừa sáp sợi (VICOSAP)", "công nhận lại"],
    ["Dừa sáp sợi (VICOSAP)", "Dừa sáp sợi (VICOSAP)", null],
    ["Cà phê bột (Chappi Mountains Coffee)", "Cà phê bột (Chappi Mountains Coffee)", null],
    ["Bánh tráng Mỹ Lồng - Bến Tre", "Bánh tráng Mỹ Lồng - Bến Tre", null],
  ])("%s → %s + note %s", (written, name, note) => {
    expect(splitNameNote(written)).toEqual({ name, note })
  })

  it("keeps the note on the record", async () => {
    const result = await parseCertificationBuffer(
      csv("STT,Tên sản phẩm,Chủ thể,Tỉnh,Hạng sao\n1,Chè Shan tuyết (đánh giá lại),HTX Chè,Hà Giang,4\n"),
      "note.csv"
    )
    expect(pick(result.records, ["product_name", "note"])).toEqual([{ product_name: "Chè Shan tuyết", note: "đánh giá lại" }])
  })

  it("takes a 'Ghi chú' remark about the evaluation as the note, and nothing else from that column", async () => {
    const result = await parseCertificationBuffer(
      csv(
        "STT;Tên sản phẩm;Chủ thể;Tỉnh;Hạng sao;Ghi chú\n1;Chè Shan tuyết;HTX Chè;Hà Giang;4;Nâng hạng từ 3 sao\n2;Chè vàng;HTX Chè;Hà Giang;3;Nhóm 04 sản phẩm đạt 91-93 điểm\n"
      ),
      "ghi-chu.csv"
    )
    expect(pick(result.records, ["product_name", "note", "score"])).toEqual([
      { product_name: "Chè Shan tuyết", note: "Nâng hạng từ 3 sao", score: null },
      { product_name: "Chè vàng", note: null, score: null },
    ])
  })
})

describe("4. decision references with their date in the cell", () => {
  it.each([
    ["527/QĐ-UBND ngày 3/9/2022", "527/QĐ-UBND", "2022-09-03"],
    ["QĐ số 527/QĐ-UBND, 03-09-2022", "527/QĐ-UBND", "2022-09-03"],
    ["527/QĐ-UBND ngày 03 tháng 9 năm 2022", "527/QĐ-UBND", "2022-09-03"],
    ["Quyết định số 527/QĐ-UBND ngày 3/9/22", "527/QĐ-UBND", "2022-09-03"],
    ["527/QĐ-UBND - 03.09.2022", "527/QĐ-UBND", "2022-09-03"],
    ["QĐ số 527 ngày 3/9/2022", "527", "2022-09-03"],
  ])("%s", async (cell, number, date) => {
    for (const header of ["Số quyết định", "Số, ngày quyết định", "Quyết định công nhận"]) {
      const result = await parseCertificationBuffer(
        csv(`STT,Tên sản phẩm,Chủ thể,Tỉnh,Hạng sao,"${header}"\n1,Chè Shan tuyết,HTX Chè,Hà Giang,4,"${cell}"\n`),
        "decision.csv"
      )
      expect({ header, ...pick(result.records, ["decision_number", "decision_date"])[0] }).toEqual({
        header,
        decision_number: number,
        decision_date: date,
      })
    }
  })
})

describe("5. the same product twice with different ratings", () => {
  const list = csv(
    [
      "STT,Tên sản phẩm,Chủ thể,Xã,Huyện,Tỉnh,Hạng sao,Số quyết định,Ngày quyết định",
      "1,Mật ong bạc hà,HTX Ong Mèo Vạc,Mèo Vạc,Mèo Vạc,Hà Giang,4,1500/QĐ-UBND,12/08/2023",
      "2,Mật ong bạc hà,HTX Ong Mèo Vạc,Mèo Vạc,Mèo Vạc,Hà Giang,3,820/QĐ-UBND,05/06/2020",
      "3,Mật ong bạc hà,HTX Ong Mèo Vạc,Mèo Vạc,Mèo Vạc,Hà Giang,3,820/QĐ-UBND,05/06/2020",
      "",
    ].join("\n")
  )

  it("is a rating history: both ratings kept, only the identical row rejected as a duplicate", async () => {
    const result = await parseCertificationBuffer(list, "two-years.csv")
    expect(pick(result.records, ["source_row", "stars", "decision_number"])).toEqual([
      { source_row: 1, stars: 4, decision_number: "1500/QĐ-UBND" },
      { source_row: 2, stars: 3, decision_number: "820/QĐ-UBND" },
    ])
    expect(result.errors).toMatchObject([{ source_row: 3, code: "duplicate_row", value: "Mật ong bạc hà" }])
    // Imported round after round: the earlier decision first, so the later one ends current.
    expect(ratingRounds(result.records).map((round) => round.map((r) => r.decision_number))).toEqual([["820/QĐ-UBND"], ["1500/QĐ-UBND"]])
  })
})

describe("6. no row vanishes; punctuation is part of a listing's identity", () => {
  it("keeps names differing only by punctuation as two listings, in the parser and in the importer's key", async () => {
    const result = await parseCertificationBuffer(
      csv(
        "STT,Tên sản phẩm,Chủ thể,Tỉnh,Hạng sao\n1,Dừa sáp sợi VICOSAP,Công ty TNHH Dừa sáp,Trà Vinh,5\n2,Dừa sáp sợi (VICOSAP),Công ty TNHH Dừa sáp,Trà Vinh,5\n3,DỪA SÁP SỢI VICOSAP,công ty TNHH dừa sáp.,Trà Vinh,5\n"
      ),
      "punctuation.csv"
    )
    expect(result.rows_read).toBe(3)
    expect(result.records.map((r) => r.source_row)).toEqual([1, 2])
    // Row 3 differs from row 1 only in case and the producer's punctuation: a duplicate, reported with its row.
    expect(result.errors).toMatchObject([{ source_row: 3, code: "duplicate_row", column: "Tên sản phẩm" }])
    const [a, b] = result.records
    expect(listingIdentity(a)).not.toBe(listingIdentity(b))
  })
})

describe("potential 5★", () => {
  it("keeps what the list says and certifies 4★ in one place", async () => {
    const result = await parseCertificationBuffer(
      csv(
        "STT,Tên sản phẩm,Chủ thể,Tỉnh,Hạng sao\n1,Trà hoa vàng,HTX Ba Chẽ,Quảng Ninh,Tiềm năng 5 sao\n2,Nước mắm,HTX Cái Rồng,Quảng Ninh,4 sao - tiềm năng 5 sao\n"
      ),
      "potential.csv"
    )
    expect(pick(result.records, ["stars", "potential_five_star"])).toEqual([
      { stars: null, potential_five_star: true },
      { stars: 4, potential_five_star: true },
    ])
    expect(result.records.map(certifiedStars)).toEqual([4, 4])
  })
})

describe("other spellings and encodings", () => {
  it("reads Windows-1258, district sections, 'Tên SP', 'Đơn vị', 'Xã/Phường/TT', 'Bốn sao', '04'", async () => {
    const text = [
      "UBND TỈNH BẾN TRE",
      "TT;Tên SP;Đơn vị;Xã/Phường/TT;Xếp hạng",
      ";Huyện Giồng Trôm;;;",
      "1;Bánh phồng Sơn Đốc;Hộ kinh doanh Ba Hồng;xã Hưng Nhượng;Bốn sao",
      ";Huyện Mỏ Cày Nam;;;",
      "1;Kẹo dừa Thanh Long;Công ty TNHH Thanh Long;X. Thành Thới A;04",
      "",
    ].join("\r\n")
    const result = await parseCertificationBuffer(toWindows1258Bytes(text), "cp1258.csv")
    expect(result.encoding).toBe("windows-1258")
    expect(result.errors).toEqual([])
    expect(pick(result.records, ["product_name", "district_as_listed", "commune_as_listed", "stars", "province_as_listed"])).toEqual([
      {
        product_name: "Bánh phồng Sơn Đốc",
        district_as_listed: "Giồng Trôm",
        commune_as_listed: "Hưng Nhượng",
        stars: 4,
        province_as_listed: "Bến Tre",
      },
      {
        product_name: "Kẹo dừa Thanh Long",
        district_as_listed: "Mỏ Cày Nam",
        commune_as_listed: "Thành Thới A",
        stars: 4,
        province_as_listed: "Bến Tre",
      },
    ])
  })
})

describe("tiers named by a sheet, scores and stars in other writings", () => {
  it("gives a sheet's tier ('3 sao' tab, 'SẢN PHẨM ĐẠT 4 SAO' title) to rows without a star column", async () => {
    const bytes = await workbook([
      {
        name: "3 sao",
        rows: [
          ["TT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Điểm"],
          [1, "Miến dong", "HTX Miến", "xã Bình Liêu, huyện Bình Liêu, tỉnh Quảng Ninh", "65/100"],
        ],
      },
      {
        name: "Sheet2",
        rows: [
          ["DANH SÁCH SẢN PHẨM ĐẠT 4 SAO"],
          ["TT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Điểm"],
          [1, "Trà hoa vàng", "HTX Ba Chẽ", "xã Thanh Sơn, huyện Ba Chẽ, tỉnh Quảng Ninh", "78 điểm"],
        ],
      },
    ])
    const result = await parseCertificationBuffer(bytes, "theo-hang.xlsx")
    expect(result.errors).toEqual([])
    expect(pick(result.records, ["product_name", "stars", "score"])).toEqual([
      { product_name: "Miến dong", stars: 3, score: 65 },
      { product_name: "Trà hoa vàng", stars: 4, score: 78 },
    ])
  })

  it("reads 'Bốn (04) sao' and refuses a word and a figure that disagree", async () => {
    const result = await parseCertificationBuffer(
      csv("STT,Tên sản phẩm,Chủ thể,Tỉnh,Hạng sao\n1,Chè,HTX Chè,Hà Giang,Bốn (04) sao\n2,Mật ong,HTX Ong,Hà Giang,Bốn (03) sao\n"),
      "words.csv"
    )
    expect(pick(result.records, ["source_row", "stars"])).toEqual([{ source_row: 1, stars: 4 }])
    expect(result.errors).toMatchObject([{ source_row: 2, code: "unreadable_stars", value: "Bốn (03) sao" }])
  })
})

describe("women-led and ethnic-minority-led columns (issue 14)", () => {
  it("reads ticks and Có/Không as true/false, a blank as not stated, and names the column of an unreadable cell", async () => {
    const result = await parseCertificationBuffer(
      csv(
        [
          "TT,Tên sản phẩm,Chủ thể,Tỉnh,Hạng sao,Nữ làm chủ,DTTS",
          "1,Chè Shan tuyết,HTX Chè Hà Giang,Tuyên Quang,4,x,Có",
          "2,Mật ong bạc hà,HTX Mèo Vạc,Tuyên Quang,3,Không,",
          "3,Thắng cố,Hộ Vàng Mí,Tuyên Quang,3,,Có lẽ",
        ].join("\n")
      ),
      "dtts.csv"
    )
    expect(pick(result.records, ["product_name", "women_led", "ethnic_minority_led"])).toEqual([
      { product_name: "Chè Shan tuyết", women_led: true, ethnic_minority_led: true },
      { product_name: "Mật ong bạc hà", women_led: false, ethnic_minority_led: null },
    ])
    expect(result.errors).toEqual([expect.objectContaining({ source_row: 3, column: "DTTS", code: "invalid_flag", value: "Có lẽ" })])
  })

  it("leaves both facts out of a list without such columns, so an import never overwrites them", async () => {
    const result = await parseCertificationBuffer(csv("TT,Tên sản phẩm,Chủ thể,Tỉnh,Hạng sao\n1,Chè Shan tuyết,HTX Chè,Tuyên Quang,4"), "a.csv")
    expect(result.records[0]).not.toHaveProperty("women_led")
    expect(result.records[0]).not.toHaveProperty("ethnic_minority_led")
  })
})
