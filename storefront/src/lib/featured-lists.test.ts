import { describe, expect, it } from "vitest"
import { featuredList } from "@ocop/contracts"
import { buildItemListJsonLd, toCardHit } from "./featured-lists"

const product = (handle: string, title: string) => ({
  id: `prod_${handle}`,
  title,
  handle,
  thumbnail: null,
  variants: [],
  price_from: { amount: 120000, currency_code: "vnd" },
  ocop: {
    id: `ocert_${handle}`,
    stars: 4,
    potential_five_star: false,
    score: null,
    product_group: null,
    decision_number: null,
    decision_date: "2025-08-12",
    certifying_level: "province",
    valid_from: "2025-08-12",
    valid_until: "2028-08-12",
    status: "active" as const,
    status_reason: null,
    origin: {
      province_as_listed: "Vĩnh Long",
      district_as_listed: null,
      commune_as_listed: null,
      province: { code: "86", name: "Vĩnh Long" },
      commune: null,
      formerly: null,
    },
  },
  producer: {
    id: "opr_1",
    name: "HTX Thông Hòa",
    handle: "htx-thong-hoa-86",
    type: "cooperative",
    province: null,
    women_led: null,
    ethnic_minority_led: null,
  },
})

const list = featuredList.parse({
  id: "ofl_1",
  handle: "dac-san-mua-nuoc-noi-1a2b3c",
  title: "Đặc sản mùa nước nổi",
  description: "Những sản phẩm OCOP của miền sông nước.",
  cover: null,
  province: { code: "86", name: "Vĩnh Long" },
  starts_at: "2026-11-01T00:00:00.000Z",
  ends_at: "2026-12-31T00:00:00.000Z",
  updated_at: "2026-11-28T00:00:00.000Z",
  products: [product("cam-sanh", "Cam sành"), product("dua-sap", "Dừa sáp </script>"), product("keo-dua", "Kẹo dừa")],
})

describe("buildItemListJsonLd", () => {
  it("lists the products in the list's order with 1-based positions and absolute product URLs", () => {
    const ld = buildItemListJsonLd(list, "https://chợ.vn/", "vi")
    expect(ld).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ItemList",
      name: "Đặc sản mùa nước nổi",
      description: "Những sản phẩm OCOP của miền sông nước.",
      url: "https://chợ.vn/vi/lists/dac-san-mua-nuoc-noi-1a2b3c",
      numberOfItems: 3,
    })
    expect(ld.itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "Cam sành", url: "https://chợ.vn/vi/products/cam-sanh" },
      { "@type": "ListItem", position: 2, name: "Dừa sáp </script>", url: "https://chợ.vn/vi/products/dua-sap" },
      { "@type": "ListItem", position: 3, name: "Kẹo dừa", url: "https://chợ.vn/vi/products/keo-dua" },
    ])
  })

  it("leaves out a missing description and encodes handles", () => {
    const ld = buildItemListJsonLd({ ...list, description: null, products: [product("bánh tét", "Bánh tét")] }, "http://localhost:8000", "en")
    expect(ld).not.toHaveProperty("description")
    expect(ld.itemListElement[0].url).toBe("http://localhost:8000/en/products/b%C3%A1nh%20t%C3%A9t")
  })
})

describe("toCardHit", () => {
  it("draws a list product as the shop's search-hit card", () => {
    expect(toCardHit(list.products[0])).toMatchObject({
      handle: "cam-sanh",
      price: { amount: 120000, currency_code: "vnd" },
      stars: 4,
      certification_status: "active",
      province: { code: "86", name: "Vĩnh Long" },
    })
  })
})
