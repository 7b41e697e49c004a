import { describe, expect, it } from "vitest"
import vi from "../../messages/vi.json"
import en from "../../messages/en.json"

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe("translations", () => {
  it("has the same keys in Vietnamese and English, so no page shows a raw key", () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort())
  })

  it("writes Vietnamese with its diacritics", () => {
    expect(vi.checkout.cod).toBe("Thanh toán khi nhận hàng (COD)")
    const text = keys(vi)
      .map((k) => k.split(".").reduce((o: any, p) => o[p], vi))
      .join(" ")
    expect(text).not.toMatch(/\b(Thanh toan|Gio hang|Dat hang|San pham)\b/)
  })
})
