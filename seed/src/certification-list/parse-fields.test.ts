import { describe, expect, it } from "vitest"
import { matchHeader } from "./detect-layout"
import { mapProductGroup } from "./map-product-group"
import { parseAddress } from "./parse-address"
import { readDate, readDecisionNumber } from "./parse-decision"
import { parseDocumentHeading } from "./parse-heading"
import { readSectionTier, readStars } from "./parse-stars"
import { detectDelimiter } from "./read-delimited"

describe("readStars", () => {
  it.each([
    ["3", 3, false],
    ["3 sao", 3, false],
    ["03 sao", 3, false],
    ["3*", 3, false],
    ["★★★", 3, false],
    ["★★★★☆", 4, false],
    ["Ba sao", 3, false],
    ["Hạng 4 sao", 4, false],
    ["tiềm năng 5 sao", null, true],
    ["Tiềm năng 5 sao", null, true],
    ["4 sao (tiềm năng 5 sao)", 4, true],
    ["2", 2, false],
  ])("%s → %s", (text, stars, potentialFiveStar) => {
    expect(readStars(text)).toEqual({ kind: "stars", stars, potentialFiveStar })
  })
  it("tells empty from unreadable", () => {
    expect(readStars("  ")).toEqual({ kind: "empty" })
    expect(readStars("nhiều sao")).toEqual({ kind: "unreadable" })
  })
  it("reads the tier of section headings but not the product count", () => {
    expect(readSectionTier("SẢN PHẨM ĐẠT 4 SAO")).toEqual({ stars: 4, potentialFiveStar: false })
    expect(readSectionTier("SẢN PHẨM TIỀM NĂNG 5 SAO (ĐỀ XUẤT TRUNG ƯƠNG ĐÁNH GIÁ, PHÂN HẠNG)")).toEqual({
      stars: null,
      potentialFiveStar: true,
    })
    expect(readSectionTier("Công nhận 03 sản phẩm đạt hạng 4 sao, gồm:")).toEqual({ stars: 4, potentialFiveStar: false })
    expect(readSectionTier("Danh sách gồm 09 sản phẩm")).toBeNull()
  })
})

describe("parseAddress", () => {
  it.each([
    ["xã Thạnh Phú, huyện Cầu Kè, tỉnh Trà Vinh", "Thạnh Phú", "Cầu Kè", "Trà Vinh"],
    ["thị trấn Cầu Kè, huyện Cầu Kè, tỉnh Trà Vinh", "Cầu Kè", "Cầu Kè", "Trà Vinh"],
    ["huyện Hoằng Hóa, tỉnh Thanh Hóa", null, "Hoằng Hóa", "Thanh Hóa"],
    ["tỉnh Lâm Đồng", null, null, "Lâm Đồng"],
    ["phường Dương Đông, thành phố Phú Quốc, tỉnh Kiên Giang", "Dương Đông", "Phú Quốc", "Kiên Giang"],
    ["thôn Lâm Đồng, xã Tân Hà, huyện Lâm Hà", "Tân Hà", "Lâm Hà", null],
    ["tổ dân phố 5, phường Quang Trung, thành phố Hà Giang, tỉnh Hà Giang", "Quang Trung", "Hà Giang", "Hà Giang"],
    ["ấp Phú Thạnh, xã Hòa Hưng, huyện Cái Bè", "Hòa Hưng", "Cái Bè", null],
    ["khu phố 3, phường Bến Nghé, quận 1, TP. Hồ Chí Minh", "Bến Nghé", "1", "Hồ Chí Minh"],
    ["phường Vạn Phúc, quận Hà Đông, thành phố Hà Nội", "Vạn Phúc", "Hà Đông", "Hà Nội"],
    ["Thạnh Phú, Cầu Kè, Trà Vinh", "Thạnh Phú", "Cầu Kè", "Trà Vinh"],
    ["TT. Phố Châu, H. Hương Sơn, T. Hà Tĩnh", "Phố Châu", "Hương Sơn", "Hà Tĩnh"],
    ["xa Thanh Phu, huyen Cau Ke, tinh Tra Vinh", "Thanh Phu", "Cau Ke", "Tra Vinh"],
    ["xã Tân Hà - Lâm Hà - Lâm Đồng", "Tân Hà", "Lâm Hà", "Lâm Đồng"],
    ["xã Long Sơn, thành phố Vũng Tàu, tỉnh Bà Rịa - Vũng Tàu", "Long Sơn", "Vũng Tàu", "Bà Rịa - Vũng Tàu"],
  ])("%s", (text, commune, district, province) => {
    expect(parseAddress(text)).toEqual({ commune, district, province })
  })
  it("does not take names that start like a type word for one (Dương Đông is no street)", () => {
    expect(parseAddress("Dương Đông, Phú Quốc, Kiên Giang")).toEqual({
      commune: "Dương Đông",
      district: "Phú Quốc",
      province: "Kiên Giang",
    })
  })
})

describe("decision number and date", () => {
  it.each([
    ["Số: 1114/QĐ-UBND", "1114/QĐ-UBND"],
    ["2361/QĐ-BNNMT", "2361/QĐ-BNNMT"],
    ["123/2023/QĐ-UBND", "123/2023/QĐ-UBND"],
    ["số      /QĐ-UBND", null],
    ["", null],
  ])("number %s → %s", (text, number) => {
    expect(readDecisionNumber(text)).toBe(number)
  })
  it.each([
    ["23/12/2019", { kind: "date", iso: "2019-12-23" }],
    ["6/4/2021", { kind: "date", iso: "2021-04-06" }],
    ["2021-04-06", { kind: "date", iso: "2021-04-06" }],
    ["ngày 06 tháng 4 năm 2021", { kind: "date", iso: "2021-04-06" }],
    ["43822", { kind: "date", iso: "2019-12-23" }],
    ["  /   /", { kind: "empty" }],
    ["31/02/2023", { kind: "invalid", text: "31/02/2023" }],
    ["29/02/2023", { kind: "invalid", text: "29/02/2023" }],
  ])("date %s", (text, reading) => {
    expect(readDate(text)).toEqual(reading)
  })
})

describe("document heading", () => {
  it("reads province, number and date from an annex title, blank placeholders give nothing", () => {
    const annex = parseDocumentHeading([
      "ỦY BAN NHÂN DÂN TỈNH THANH HÓA",
      "(Kèm theo Quyết định số 5445/QĐ-UBND ngày 23/12/2019 của UBND tỉnh Thanh Hóa)",
    ])
    expect(annex.province?.asListed).toBe("Thanh Hóa")
    expect(annex.province?.province.code).toBe("38")
    expect(annex).toMatchObject({ decisionNumber: "5445/QĐ-UBND", decisionDate: "2019-12-23" })

    const blank = parseDocumentHeading(["ỦY BAN NHÂN DÂN", "TỈNH TRÀ VINH", "(Kèm theo Quyết định số     /QĐ-UBND ngày   /   /    )"])
    expect(blank.province?.asListed).toBe("Trà Vinh")
    expect(blank.decisionNumber).toBeUndefined()
    expect(blank.decisionDate).toBeUndefined()
  })
  it("dates a decision by its place-and-date line", () => {
    const heading = parseDocumentHeading(["TỈNH THANH HÓA", "Số: 1114/QĐ-UBND", "Thanh Hóa, ngày 06 tháng 4 năm 2021"])
    expect(heading).toMatchObject({ decisionNumber: "1114/QĐ-UBND", decisionDate: "2021-04-06" })
  })
})

describe("product groups", () => {
  it.each([
    ["I.2.b", "I.2.b"],
    ["i.2.B", "I.2.b"],
    ["Gia vị", "I.4"],
    ["Rượu trắng", "II.1.a"],
    ["Đồ uống không cồn", "II.2"],
    ["Thực phẩm", "I"],
    ["Đồ uống", "II"],
    ["Thảo dược", "III"],
    ["Vải và may mặc", "IV.2"],
    ["Lưu niệm - nội thất - trang trí", "IV.1"],
    ["Dịch vụ du lịch nông thôn, bán hàng", "VI"],
    ["Nhóm 7 không có", null],
    ["IX", null],
  ])("%s → %s", (text, code) => {
    expect(mapProductGroup(text)).toBe(code)
  })
})

describe("headers and delimiters", () => {
  it.each([
    ["Tên sản phẩm", "product_name"],
    ["TEN SP", "product_name"],
    ["Sản phẩm", "product_name"],
    ["Chủ thể sản xuất", "producer_name"],
    ["Cơ sở sản xuất", "producer_name"],
    ["Đơn vị", "producer_name"],
    ["Địa chỉ", "address"],
    ["Xã", "commune"],
    ["Huyện", "district"],
    ["Tỉnh", "province"],
    ["Phân hạng", "stars"],
    ["Xếp hạng", "stars"],
    ["Số sao", "stars"],
    ["Hạng sao (3-5)", "stars"],
    ["Điểm", "score"],
    ["Số quyết định", "decision_number"],
    ["Ngày quyết định", "decision_date"],
    ["Ngành", "product_group"],
    ["Ghi chú", "note"],
    ["Tình trạng", null],
  ])("%s → %s", (text, role) => {
    expect(matchHeader(text)).toBe(role)
  })
  it("picks the delimiter that splits lines consistently", () => {
    expect(detectDelimiter("a;b;c\n1;x, y, z;3\n2;u;4\n")).toBe(";")
    expect(detectDelimiter('a,b,c\n1,"x; y",3\n')).toBe(",")
    expect(detectDelimiter("a\tb\tc\n1\t2\t3\n")).toBe("\t")
  })
})
