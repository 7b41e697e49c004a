import { describe, expect, it } from "vitest"
import { expandGroupCode, getProductGroup, productGroups } from "./index"

describe("QĐ 148 product tree", () => {
  it("has 6 sectors and 26 scoring sets", () => {
    expect(productGroups.filter((g) => g.level === "sector")).toHaveLength(6)
    expect(productGroups.filter((g) => g.scoringSet !== null)).toHaveLength(26)
  })
  it("names groups in Vietnamese and expands a code to its ancestors", () => {
    expect(getProductGroup("I.2.b")?.name).toBe("Mật ong, mật khác và nông sản thực phẩm khác")
    expect(expandGroupCode("I.2.b")).toEqual(["I", "I.2", "I.2.b"])
    expect(getProductGroup("I.6")?.scoringSet).toBe(13)
    expect(expandGroupCode("IX")).toEqual([])
  })
})
