import { describe, expect, it } from "vitest"
import { formatSearchState, parseSearchState, toBackendQuery, toggleStar, withChange, parseSearchStateKey, searchStateKey } from "./search-state"

describe("search state in the URL", () => {
  it("reads what a buyer's link carries and writes it back the same way", () => {
    const state = parseSearchState({ q: "mat ong", stars: "5,4", province: "42", sort: "price", page: "2" })
    expect(state).toMatchObject({ q: "mat ong", stars: ["4", "5"], province: "42", sort: "price", page: 2 })
    expect(formatSearchState(state)).toBe("?q=mat+ong&stars=4%2C5&province=42&sort=price&page=2")
  })

  it("drops values it cannot use instead of failing the page", () => {
    const state = parseSearchState({ stars: ["2", "4", "x"], province: "Hà Nội", group: "DROP TABLE", page: "-3", sort: "cheap" })
    expect(state).toMatchObject({ stars: ["4"], province: undefined, group: undefined, page: 1, sort: undefined })
    expect(formatSearchState(state)).toBe("?stars=4")
  })

  it("turns control characters (a NUL from ?q=%00) into spaces, so the backend never sees them", () => {
    expect(parseSearchState({ q: "\u0000" }).q).toBeUndefined()
    expect(parseSearchState({ q: "mật\u0000ong\n" }).q).toBe("mật ong")
    expect(toBackendQuery(parseSearchState({ q: "trà\u0000" })).q).toBe("trà")
  })

  it("goes back to page 1 when a filter changes, and toggles stars on and off", () => {
    const state = parseSearchState({ q: "che", page: "3" })
    const four = toggleStar(state, "4")
    expect(four).toMatchObject({ stars: ["4"], page: 1 })
    expect(toggleStar(four, "4").stars).toEqual([])
    expect(withChange(state, { province: "19" })).toMatchObject({ province: "19", page: 1, q: "che" })
  })

  it("asks the backend for the page the buyer is on, best stars first when nothing is typed", () => {
    expect(toBackendQuery(parseSearchState({ page: "3" }))).toEqual({ limit: 24, offset: 48, sort: "-stars" })
    expect(toBackendQuery(parseSearchState({ q: "gạo", in_stock: "true", stars: "3" }))).toEqual({
      limit: 24,
      offset: 0,
      q: "gạo",
      in_stock: "true",
      stars: "3",
      sort: "relevance",
    })
  })

  it("keeps the 'Mua được ngay' filter in the URL and sends buyable=true; anything else means all certified listings", () => {
    const state = parseSearchState({ buyable: "true", q: "chè" })
    expect(formatSearchState(state)).toBe("?q=ch%C3%A8&buyable=true")
    expect(toBackendQuery(state)).toMatchObject({ buyable: "true" })
    expect(toBackendQuery(parseSearchState({ buyable: "yes" }))).not.toHaveProperty("buyable")
    expect(formatSearchState(parseSearchState({ buyable: "false" }))).toBe("")
  })
})

describe("searchStateKey", () => {
  it("gives one cache key to the same search written in any order, and reads it back", () => {
    const a = parseSearchState({ q: "mật ong", stars: "5,4", province: "01" })
    const b = parseSearchState({ province: "01", stars: ["4", "5"], q: " mật ong " })
    expect(searchStateKey(a)).toBe(searchStateKey(b))
    expect(parseSearchStateKey(searchStateKey(a)!)).toEqual(a)
  })

  it("keys the unfiltered catalogue and tells different searches apart", () => {
    expect(parseSearchStateKey(searchStateKey(parseSearchState({}))!)).toEqual(parseSearchState({}))
    expect(searchStateKey(parseSearchState({ q: "chè" }))).not.toBe(searchStateKey(parseSearchState({ q: "che" })))
  })

  it("has no key for a search too long to be a cache file name, and a made-up key reads as a valid state", () => {
    expect(searchStateKey(parseSearchState({ q: "đặc sản ".repeat(25) }))).toBeUndefined()
    expect(parseSearchStateKey("not%base64!")).toMatchObject({ page: 1, stars: [] })
  })
})
