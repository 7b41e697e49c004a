import { getProvince } from "@ocop/domain/places"
import { CuratorCreateFeaturedList } from "../../featured/validators"
import { CuratorListCertificates } from "../../curator/validators"
import { RecallLot } from "../../producer/lots/validators"
import { provinceCode, requiredText } from "../zod-fields"

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? []

describe("shared request fields", () => {
  it("requiredText trims, and names the field when text is missing, empty or too long", () => {
    const title = requiredText("title", 5)
    expect(title.parse("  Mắm ")).toBe("Mắm")
    expect(messages(title.safeParse("   "))).toEqual(["title: không được để trống / must not be empty"])
    expect(messages(title.safeParse("Nước mắm"))).toEqual(["title: tối đa 5 ký tự / at most 5 characters"])
    expect(messages(title.safeParse(42))).toEqual(["title: phải là chuỗi ký tự / must be text"])
  })

  it("provinceCode takes a current or pre-2025 name or a code and gives the current code; an unknown one is named", () => {
    const hanoi = provinceCode.parse("Thành phố Hà Nội")
    expect(getProvince(hanoi)?.name).toMatch(/Hà Nội/)
    expect(provinceCode.parse(hanoi)).toBe(hanoi)
    expect(messages(provinceCode.safeParse("Atlantis"))).toEqual(['province: không có tỉnh "Atlantis" / unknown province "Atlantis"'])
    expect(messages(provinceCode.safeParse(7))).toEqual(["province: phải là tên hoặc mã tỉnh / must be a province name or code"])
  })

  it("is what the curator, featured-list and lot validators check", () => {
    const list = { title: " ", products: ["prod_1"], starts_at: "2026-12-01", ends_at: "2026-12-31", province: "Atlantis" }
    expect(messages(CuratorCreateFeaturedList.safeParse(list))).toEqual([
      "title: không được để trống / must not be empty",
      'province: không có tỉnh "Atlantis" / unknown province "Atlantis"',
    ])
    expect(CuratorListCertificates.parse({ province: "Thành phố Hà Nội" }).province).toBe(provinceCode.parse("Thành phố Hà Nội"))
    expect(messages(RecallLot.safeParse({ reason: "" }))).toEqual(["reason: không được để trống / must not be empty"])
  })
})
