import { describe, expect, it } from "vitest"
import { foldText, matchKey, slugify } from "./text"

describe("match key and slug", () => {
  it("folds case, diacritics and đ for matching", () => {
    expect(foldText("Đắk Lắk")).toBe("dak lak")
  })
  it("treats punctuation as noise in names read by people", () => {
    expect(matchKey("HTX. Nông sản  Phú Lương")).toBe(matchKey("htx nong san phu luong"))
  })
  it("writes URL slugs with dashes, none at either end", () => {
    expect(slugify(" Quà Tết (Đồng Tháp)! ")).toBe("qua-tet-dong-thap")
  })
})
