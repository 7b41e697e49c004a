import { describe, expect, it } from "vitest"
import { buildVocabulary, correctQuery } from "./typo-correction"

const vocabulary = buildVocabulary([
  "Hồng trà Hà Giang",
  "Dừa sáp sợi VICOSAP",
  "Trà phun sương Actiso Sapa",
  "Thực phẩm bảo vệ sức khỏe Vicumax Nano Curcumin",
  "Nước khoáng Quang Hanh",
  "Nước khoáng Quang Hanh",
])

describe("correctQuery", () => {
  it.each([
    ["vicosapp", "vicosap"], // insertion
    ["curcumine", "curcumin"],
    ["actisso sapa", "actiso sapa"],
    ["quagn hanh", "quang hanh"], // swapped neighbours
    ["hongg tra", "hong tra"],
    ["Quangg Hanh", "quang hanh"],
    ["curcunin", "curcumin"], // substitution
  ])("%s → %s", (typed, expected) => {
    expect(correctQuery(typed, vocabulary)).toBe(expected)
  })

  it("leaves words under five letters and known words alone", () => {
    expect(correctQuery("traa", vocabulary)).toBeNull()
    expect(correctQuery("hong tra", vocabulary)).toBeNull()
  })

  it("does not invent a word two edits away", () => {
    expect(correctQuery("vicosappp", vocabulary)).toBeNull()
  })
})
