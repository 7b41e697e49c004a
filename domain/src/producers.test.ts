import { describe, expect, it } from "vitest"
import { inferProducerType } from "./producers"

describe("inferProducerType", () => {
  it.each([
    ["Hợp tác xã Nông sản Phú Lương", "cooperative"],
    ["HTXNN Thông Hòa", "cooperative"],
    ["Tổ hợp tác Sản xuất Thắm Thanh", "cooperative_group"],
    ["Công ty TNHH Chế biến dừa sáp Cầu Kè", "enterprise"],
    ["Hộ kinh doanh Nguyễn Thị Hằng", "household_business"],
    ["Hộ SXKD Thạch Su", "household_business"],
    ["Cơ sở Triều Thu", "household_business"],
    ["Công ty TNHH Trang trại Trường Phúc", "enterprise"],
    ["Trang trại Hòa Bình", "farm"],
    ["Hội Nông dân xã", "association"],
  ])("%s → %s", (name, type) => {
    expect(inferProducerType(name)).toBe(type)
  })
  it("returns null when the name says nothing", () => {
    expect(inferProducerType("Yến Sào Xứ Thanh")).toBeNull()
    expect(inferProducerType(null)).toBeNull()
  })
})
