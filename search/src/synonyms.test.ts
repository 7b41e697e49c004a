import { describe, expect, it } from "vitest"
import { expandSynonyms, SYNONYM_GROUPS } from "./synonyms"

describe("synonyms buyers use", () => {
  it("has at least 20 groups, each of two or more phrases", () => {
    expect(SYNONYM_GROUPS.length).toBeGreaterThanOrEqual(20)
    expect(SYNONYM_GROUPS.every((group) => group.length >= 2)).toBe(true)
  })

  it.each([
    ["Chè đinh", ["trà"]],
    ["Trà xanh túi lọc Bình Sơn", ["chè"]],
    ["Cà phê Khe Sanh", ["cafe", "cà fê", "coffee"]],
    ["Thịt lợn hương", ["heo"]],
    ["Dầu lạc nguyên chất Eva", ["đậu phộng"]],
  ])("%s is also found as %j", (title, extra) => {
    expect(expandSynonyms(title)).toEqual(expect.arrayContaining(extra))
  })

  it("matches whole words only, with or without diacritics in the title", () => {
    expect(expandSynonyms("Chèo thuyền")).toEqual([])
    expect(expandSynonyms("Tra shan tuyet")).toContain("chè")
  })

  it("keeps cooking oil apart from essential oil", () => {
    expect(expandSynonyms("Dầu lạc nguyên chất Eva")).not.toContain("tinh dầu")
  })

  it("adds nothing the title already says", () => {
    expect(expandSynonyms("Nước mắm cá cơm")).not.toContain("nước mắm")
    expect(expandSynonyms("Nước mắm cá cơm")).not.toContain("mắm")
  })
})
