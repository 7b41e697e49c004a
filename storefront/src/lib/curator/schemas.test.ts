import { describe, expect, it } from "vitest"
import {
  certificateDetail,
  certificateList,
  claimList,
  curatorDashboard,
  curatorFeaturedLists,
  curatorProduct,
  importDetail,
  importList,
} from "@ocop/contracts"
import { importId, registerQuery, splitFieldErrors, toPickableProducts, toRegisterRequest } from "./schemas"

// Shapes as the backend's curator routes answer them (backend/src/api/curator, presentRegisterRow, readDashboard).
const dashboard = {
  dashboard: {
    today: "2026-11-28",
    province_codes: ["86"],
    products: {
      total: 12,
      certified: 9,
      by_stars: { 3: 5, 4: 3, 5: 1 },
      by_sector: [
        { code: "I", name: "Thực phẩm", products: 7 },
        { code: null, name: null, products: 2 },
      ],
      by_producer_type: [
        { type: "cooperative", products: 6 },
        { type: null, products: 3 },
      ],
      by_commune: { top: [{ code: "29275", name: "Xã Cầu Kè", products: 4 }], other: 3, other_communes: 2, unknown: 2 },
      listings: { on_sale: 5, showcase: 4, unpublished: 0 },
    },
    producers: { women_led: { yes: 2, no: 3, unknown: 7 }, ethnic_minority_led: { yes: 1, no: 4, unknown: 7 } },
    sales_30_days: {
      since: "2026-10-30",
      orders: 1,
      total_vnd: 170000,
      by_day: [{ date: "2026-11-28", orders: 1, total_vnd: 170000 }],
    },
    certificates: {
      expiring_within_30_days: 1,
      expiring_within_90_days: 2,
      expiring_before: { "30": "2026-12-28", "90": "2027-02-26" },
      expired: 4,
      revoked: 1,
      unknown_validity: 2,
    },
    pending_claims: 1,
    lots: { scans_since: "2026-10-30", recorded: 3, scans_30_days: 5, open_flags: 1, recalled: 1 },
  },
}

const row = {
  id: "cert_1",
  stars: 4,
  potential_five_star: false,
  score: null,
  product_group: { code: "I.2.b", name: "Mật ong", path: ["Thực phẩm", "Chế biến", "Mật ong"] },
  decision_number: "1234/QĐ-UBND",
  decision_date: "2025-03-01",
  certifying_level: "province",
  valid_from: "2025-03-01",
  valid_until: "2028-03-01",
  status: "active",
  status_reason: null,
  origin: {
    province_as_listed: "Hà Giang",
    district_as_listed: null,
    commune_as_listed: null,
    province: { code: "08", name: "Tuyên Quang" },
    commune: null,
    formerly: "Hà Giang",
  },
  product: { id: "prod_1", title: "Mật ong bạc hà", handle: "mat-ong" },
  producer: {
    id: "prod_er",
    name: "HTX Mèo Vạc",
    handle: "htx",
    type: "cooperative",
    province: { code: "08", name: "Tuyên Quang" },
    women_led: true,
    ethnic_minority_led: false,
  },
  created_at: "2025-03-02T00:00:00.000Z",
  updated_at: "2025-03-02T00:00:00.000Z",
}

const history = [
  {
    kind: "first_rating",
    stars: 4,
    previous_stars: null,
    decision_number: "1234/QĐ-UBND",
    decision_date: "2025-03-01",
    note: null,
    recorded_at: "2025-03-02T00:00:00.000Z",
    recorded_by: { type: "user", id: "user_1", email: "op@example.vn" },
  },
  {
    kind: "revocation",
    stars: 4,
    previous_stars: 4,
    decision_number: "99/QĐ-TH",
    decision_date: "2026-11-01",
    note: "Vi phạm",
    recorded_at: "2026-11-02T00:00:00.000Z",
    recorded_by: { type: "curator", id: "cur_1", email: "can.bo@example.vn" },
  },
]

describe("the curator console's reading of the backend", () => {
  it("reads the dashboard's tiers, sectors (with the unknown sector) and certificate health", () => {
    const parsed = curatorDashboard.parse(dashboard).dashboard
    expect(parsed.products.by_stars[4]).toBe(3)
    expect(parsed.products.by_sector.at(-1)).toEqual({ code: null, name: null, products: 2 })
    expect(parsed.certificates.expiring_before["90"]).toBe("2027-02-26")
  })

  it("reads communes, listings, the producers' shares with their unknown and the 30-day sales", () => {
    const parsed = curatorDashboard.parse(dashboard).dashboard
    expect(parsed.products.by_commune.top[0].name).toBe("Xã Cầu Kè")
    expect(parsed.producers.women_led.unknown).toBe(7)
    expect(parsed.sales_30_days.by_day[0].total_vnd).toBe(170000)
  })

  it("refuses a dashboard without its sales figures instead of drawing zeros", () => {
    const { sales_30_days: _dropped, ...rest } = dashboard.dashboard
    expect(curatorDashboard.safeParse({ dashboard: rest }).success).toBe(false)
  })

  it("refuses a dashboard without its certificate figures instead of drawing zeros", () => {
    const { certificates: _dropped, ...products } = dashboard.dashboard
    expect(curatorDashboard.safeParse({ dashboard: products }).success).toBe(false)
  })

  it("reads a register page and a certificate with who recorded each history entry", () => {
    const page = certificateList.parse({ certificates: [row], count: 41, offset: 20, limit: 20 })
    expect(page.certificates[0].producer?.province?.name).toBe("Tuyên Quang")
    const detail = certificateDetail.parse({ certificate: { ...row, status: "revoked", rating_history: history } }).certificate
    expect(detail.rating_history?.map((e) => e.recorded_by?.email)).toEqual(["op@example.vn", "can.bo@example.vn"])
  })

  it("refuses a status the console does not know, so it never shows an unknown state as valid", () => {
    expect(certificateList.safeParse({ certificates: [{ ...row, status: "valid-ish" }], count: 1, offset: 0, limit: 20 }).success).toBe(false)
  })

  it("reads a product's certificates and the claims queue", () => {
    const product = curatorProduct.parse({
      product: { id: "prod_1", title: "Mật ong bạc hà", handle: "mat-ong", status: "published" },
      producer: row.producer,
      current_certification_id: "cert_1",
      certifications: [{ ...row, rating_history: history }],
      visibility: {
        hidden: true,
        history: [
          {
            id: "lvc_1",
            hidden: true,
            reason: "Cơ sở tạm ngừng sản xuất",
            recorded_by: { type: "curator", id: "cur_1", email: "can.bo@example.vn" },
            recorded_at: "2026-11-27T03:00:00.000Z",
          },
        ],
      },
    })
    expect(product.certifications).toHaveLength(1)
    expect(product.visibility.history[0].reason).toBe("Cơ sở tạm ngừng sản xuất")
    const claims = claimList.parse({
      claims: [
        {
          id: "claim_1",
          status: "pending",
          message: null,
          created_at: "2026-11-20T00:00:00.000Z",
          decided_at: null,
          member: { id: "mem_1", email: "a@example.vn", name: "Lò Văn A" },
          producer: { id: "p", name: "HTX", handle: "htx", province_code: "08" },
        },
      ],
      count: 1,
      offset: 0,
      limit: 50,
    })
    expect(claims.claims[0].member?.name).toBe("Lò Văn A")
  })
})

describe("the register's URL state", () => {
  it("keeps known filters, drops unknown or empty ones, and turns the page into an offset", () => {
    const query = registerQuery.parse({ status: "revoked", stars: "4", q: "  ", sort: "drop table", page: "3", province: "" })
    expect(query).toEqual({ status: "revoked", stars: 4, page: 3 })
    expect(toRegisterRequest(query)).toEqual({ status: "revoked", stars: 4, limit: 20, offset: 40 })
    expect(registerQuery.parse({ stars: "7", status: "bogus", page: "-1" })).toEqual({ page: 1 })
  })
})

describe("a backend error named by its field", () => {
  it("goes beside each field it names, also for the revoke object's fields", () => {
    const message = "revoke.decision_number: không được để trống / must not be empty; revoke.reason: không được để trống / must not be empty"
    expect(splitFieldErrors(message, ["decision_number", "decision_date", "reason"])).toEqual({
      fields: {
        decision_number: "revoke.decision_number: không được để trống / must not be empty",
        reason: "revoke.reason: không được để trống / must not be empty",
      },
      rest: [],
    })
  })

  it("stays the form's when it names no field of the form", () => {
    expect(splitFieldErrors("curator: tài khoản đã bị khóa / deactivated", ["reason"])).toEqual({
      fields: {},
      rest: ["curator: tài khoản đã bị khóa / deactivated"],
    })
    expect(splitFieldErrors("Something went wrong; try again", ["reason"]).fields).toEqual({})
  })

  it("puts a list's refused product (named by its position) beside the products field", () => {
    const message =
      "products[1]: “Mật ong bạc hà Mèo Vạc” thuộc Tỉnh Tuyên Quang, không phải Tỉnh Cao Bằng / belongs to Tỉnh Tuyên Quang, not Tỉnh Cao Bằng; title: không được để trống / must not be empty"
    const split = splitFieldErrors(message, ["title", "products"])
    expect(split.fields.products).toContain("“Mật ong bạc hà Mèo Vạc” thuộc Tỉnh Tuyên Quang")
    expect(split.fields.title).toBe("title: không được để trống / must not be empty")
    expect(split.rest).toEqual([])
  })
})

describe("featured lists of the console", () => {
  it("reads the province's lists with their status and products", () => {
    const { featured_lists } = curatorFeaturedLists.parse({
      featured_lists: [
        {
          id: "fl_1",
          handle: "qua-tet-cao-bang-3f9a1c",
          title: "Quà Tết Cao Bằng",
          description: null,
          cover: null,
          product_ids: ["prod_2", "prod_1"],
          province: { code: "04", name: "Tỉnh Cao Bằng" },
          starts_at: "2026-11-27T17:00:00.000Z",
          ends_at: "2027-02-27T17:00:00.000Z",
          status: "draft",
          is_active: false,
          created_by: { type: "curator" },
        },
      ],
      count: 1,
      offset: 0,
      limit: 50,
    })
    expect(featured_lists[0].product_ids).toEqual(["prod_2", "prod_1"])
    expect(curatorFeaturedLists.safeParse({ featured_lists: [{ ...featured_lists[0], status: "archived" }], count: 1 }).success).toBe(false)
  })

  it("offers each product once, from its live certificate, never from a superseded one", () => {
    const product = { id: "prod_1", title: "Mật ong bạc hà", handle: "mat-ong" }
    const rows = [
      { ...row, id: "cert_old", status: "superseded", stars: 3, product },
      { ...row, id: "cert_new", status: "active", stars: 4, product },
      { ...row, id: "cert_x", product: null },
    ] as Parameters<typeof toPickableProducts>[0]
    expect(toPickableProducts(rows)).toEqual([{ id: "prod_1", title: "Mật ong bạc hà", producer: row.producer.name, stars: 4 }])
  })
})

// As GET /curator/imports/:id answers (backend/src/api/curator/imports/present-import.ts).
const run = {
  id: "oimp_01JD0000000000000000000000",
  file_name: "danh-sach-cao-bang.csv",
  status: "running",
  curator: { id: "cur_01JD0000000000000000000000", email: "can.bo@example.vn" },
  created_at: "2026-11-28T04:05:00.000Z",
  updated_at: "2026-11-28T04:05:02.000Z",
  total: 300,
  processed: 150,
  progress: 50,
  read: 301,
  created: 150,
  updated: 0,
  unchanged: 0,
  rejected: 1,
  errors_total: 1,
  failure: null,
  report_url: "/curator/imports/oimp_01JD0000000000000000000000/report",
}

describe("curator imports", () => {
  it("reads a run and the history as the backend answers them", () => {
    expect(importDetail.parse({ import: run }).import).toMatchObject({ status: "running", progress: 50, curator: { email: "can.bo@example.vn" } })
    expect(importList.parse({ imports: [run], count: 1, offset: 0, limit: 20 }).imports).toHaveLength(1)
  })

  it("refuses an unknown status or a progress past 100, so the bar never draws nonsense", () => {
    expect(importDetail.safeParse({ import: { ...run, status: "paused" } }).success).toBe(false)
    expect(importDetail.safeParse({ import: { ...run, progress: 140 } }).success).toBe(false)
  })

  it("accepts only import ids in the report and progress paths", () => {
    expect(importId.safeParse(run.id).success).toBe(true)
    expect(importId.safeParse("../admin/users").success).toBe(false)
  })
})
