import { afterEach, describe, expect, it } from "vitest"
import { alternates, certificatePageUrl, jsonLd } from "./seo"

describe("links search engines and QR codes point to", () => {
  afterEach(() => {
    delete process.env.SITE_URL
  })

  it("gives every page a canonical URL and its Vietnamese, English and default alternates", () => {
    expect(alternates("en", "/products/mat-ong")).toEqual({
      canonical: "/en/products/mat-ong",
      languages: { vi: "/vi/products/mat-ong", en: "/en/products/mat-ong", "x-default": "/vi/products/mat-ong" },
    })
  })

  it("prints QR codes that open the certificate page on the public site", () => {
    process.env.SITE_URL = "https://cho-ocop.vn"
    expect(certificatePageUrl("ocert_01ABC", "vi")).toBe("https://cho-ocop.vn/vi/certificates/ocert_01ABC")
  })

  it("keeps catalogue text from closing the JSON-LD script tag", () => {
    const html = jsonLd({ name: "</script><script>alert(1)</script>" }).__html
    expect(html).not.toContain("</script>")
    expect(JSON.parse(html).name).toBe("</script><script>alert(1)</script>")
  })
})
