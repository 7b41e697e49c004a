import { describe, expect, it } from "vitest"
import { localizePath } from "./paths"

describe("localizePath", () => {
  it("prefixes the language, keeps a path's own query and encodes an object's", () => {
    expect(localizePath("/", "vi")).toBe("/vi")
    expect(localizePath("/search?q=mat", "en")).toBe("/en/search?q=mat")
    expect(localizePath({ pathname: "/curator/certificates", query: { status: "expired", sort: undefined, page: 2 } }, "vi")).toBe(
      "/vi/curator/certificates?status=expired&page=2"
    )
    expect(localizePath({ pathname: "/search", query: { q: "mật ong" } }, "vi")).toBe("/vi/search?q=m%E1%BA%ADt+ong")
  })
})
