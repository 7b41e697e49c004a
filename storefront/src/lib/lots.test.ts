import { describe, expect, it } from "vitest"
import type { PublicLotPage } from "@ocop/contracts"
import {
  answerResolution,
  applyLotTemplate,
  certificateVerdict,
  copyLastLot,
  isPrefetchRequest,
  lotJsonLd,
  readLotTemplateForm,
  readSerial,
  readShippedLots,
  readStepRows,
} from "./lots"

const ocop = (status: "active" | "expired" | "revoked" | "unknown_validity") => ({
  stars: 4,
  status,
  decision_number: "12/QĐ-UBND",
  decision_date: "2025-01-02",
  valid_until: "2028-01-02",
  certifying_level: "province",
  product_group: null,
})

describe("the QR resolver", () => {
  it("opens a found lot's scan page", () => {
    expect(answerResolution({ status: "found", public_code: "ABCDEFGH23" })).toEqual({
      kind: "redirect",
      status: 307,
      location: "/vi/lots/ABCDEFGH23",
    })
  })
  const UNKNOWN = "Không tìm thấy lô này / this lot is not known"
  it("sends an unknown lot to its product page with 303, or home when the product is unknown too", () => {
    expect(answerResolution({ status: "unknown", product_handle: "che-thai", message: UNKNOWN })).toMatchObject({
      status: 303,
      location: "/vi/products/che-thai",
    })
    expect(answerResolution({ status: "unknown", product_handle: null, message: UNKNOWN })).toMatchObject({ status: 303, location: "/vi" })
  })
  it("answers a withdrawn code 410 in Vietnamese then English", () => {
    const answer = answerResolution({ status: "withdrawn", message: "x" })
    expect(answer.status).toBe(410)
    expect(answer.kind === "gone" && answer.message).toMatch(/^Mã lô này đã bị nhà sản xuất rút lại[\s\S]*withdrawn/)
  })
  it("refuses a malformed code with 400", () => {
    expect(answerResolution(null).status).toBe(400)
  })
})

describe("the certificate's live status on the scan page", () => {
  it("calls only an active certificate valid", () => {
    expect(certificateVerdict(ocop("active"))).toBe("valid")
    expect(certificateVerdict(ocop("expired"))).toBe("expired")
    expect(certificateVerdict(ocop("revoked"))).toBe("revoked")
    expect(certificateVerdict(ocop("unknown_validity"))).toBe("unknown_validity")
    expect(certificateVerdict(null)).toBe("none")
  })
})

describe("the lot's JSON-LD", () => {
  const page: PublicLotPage = {
    lot: {
      public_code: "ABCDEFGH23",
      code: "L-2026.11",
      made_on: "2026-11-01",
      best_before: "2027-11-01",
      quantity: 200,
      growing_area_code: "VN-TNTC-0012",
      commune: null,
      status: "recalled",
      recall_reason: "ẩm mốc",
      recalled_at: "2026-11-20",
      steps: [],
      documents: [],
      qr_path: "/l/ABCDEFGH23",
    },
    product: { title: "Chè Thái", handle: "che-thai", thumbnail: null, gtin: "08930000000017", ocop: ocop("active") },
    producer: { name: "HTX Tân Cương", address: "Tân Cương", province: "Thái Nguyên", province_code: "19" },
  }
  it("describes the product with its lot, dates, maker and recall", () => {
    const ld = lotJsonLd(page, "https://shop/vi/lots/ABCDEFGH23")
    expect(ld).toMatchObject({ "@type": "Product", name: "Chè Thái", gtin: "08930000000017", productionDate: "2026-11-01" })
    expect(ld.manufacturer).toMatchObject({ name: "HTX Tân Cương" })
    expect(ld.additionalProperty).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ propertyID: "gs1:batchLotNumber", value: "L-2026.11" }),
        expect.objectContaining({ propertyID: "gs1:bestBeforeDate", value: "2027-11-01" }),
        expect.objectContaining({ name: "recalled", value: true }),
      ])
    )
    expect(JSON.stringify(ld)).not.toMatch(/lot_01|prod_01/)
  })
})

describe("copy the last lot", () => {
  const lots = [
    { product_id: "p1", growing_area_code: "VN-A-001", commune: null, quantity: 100, created_at: "2026-10-01T00:00:00Z" },
    {
      product_id: "p1",
      growing_area_code: "VN-B-002",
      commune: { code: "01", name: "x", province_code: "1", province_name: null },
      quantity: 250,
      created_at: "2026-11-01T00:00:00Z",
    },
    { product_id: "p2", growing_area_code: null, commune: null, quantity: 9, created_at: "2026-11-05T00:00:00Z" },
  ]
  it("takes the newest lot of the product, without code or dates", () => {
    const draft = copyLastLot(lots, "p1")
    expect(draft).toEqual({ product_id: "p1", growing_area_code: "VN-B-002", commune_code: "01", quantity: "250" })
  })
  it("starts empty without an earlier lot (no boilerplate defaults)", () => {
    expect(copyLastLot([], "p3")).toEqual({ product_id: "p3", growing_area_code: "", commune_code: "", quantity: "" })
  })
})

describe("step rows from the form", () => {
  it("keeps filled rows and skips empty ones", () => {
    const rows = readStepRows({
      step_kind_0: "harvest",
      step_date_0: "2026-11-01",
      step_note_0: " Hái búp ",
      step_kind_1: "process",
      step_date_1: "",
      step_note_1: "",
      step_kind_2: "pack",
      step_date_2: "2026-11-03",
      step_note_2: "Đóng túi 200 g",
    })
    expect(rows).toEqual([
      { index: "0", kind: "harvest", happened_on: "2026-11-01", note: "Hái búp" },
      { index: "2", kind: "pack", happened_on: "2026-11-03", note: "Đóng túi 200 g" },
    ])
  })
})

describe("serial QR codes", () => {
  it("a found lot with a serial opens the lot's page in serial form; a malformed serial is a bad QR", () => {
    expect(answerResolution({ status: "found", public_code: "ABCDEFGH23" }, "23456789ABCDE")).toEqual({
      kind: "redirect",
      status: 307,
      location: "/vi/lots/ABCDEFGH23/s/23456789ABCDE",
    })
    expect(answerResolution({ status: "found", public_code: "ABCDEFGH23" }, null).status).toBe(400)
    expect(answerResolution({ status: "withdrawn", message: "x" }, "23456789ABCDE").status).toBe(410)
  })

  it("reads a serial in any case and refuses what cannot be one", () => {
    expect(readSerial("23456789abcde")).toBe("23456789ABCDE")
    expect(readSerial("23456789ABCD0")).toBeNull()
    expect(readSerial("%E0%A4%A")).toBeNull()
    expect(readSerial(undefined)).toBeNull()
  })

  it("a prefetch, prerender or link preview is not a person checking", () => {
    const h = (entries: Record<string, string>) => new Headers(entries)
    const phone = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
    expect(isPrefetchRequest(h({ "user-agent": phone }))).toBe(false)
    expect(isPrefetchRequest(h({ "user-agent": phone, "sec-purpose": "prefetch" }))).toBe(true)
    expect(isPrefetchRequest(h({ "user-agent": phone, "sec-purpose": "prefetch;prerender" }))).toBe(true)
    expect(isPrefetchRequest(h({ "user-agent": phone, purpose: "prefetch" }))).toBe(true)
    expect(isPrefetchRequest(h({ "user-agent": phone, "next-router-prefetch": "1" }))).toBe(true)
    expect(isPrefetchRequest(h({ "user-agent": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)" }))).toBe(true)
    expect(isPrefetchRequest(h({ "user-agent": "Mozilla/5.0 (compatible; Zalo/1.0)" }))).toBe(true)
    expect(isPrefetchRequest(h({ "user-agent": "TelegramBot (like TwitterBot)" }))).toBe(true)
  })
})

describe("readShippedLots", () => {
  it("sends a lot alone on its line without a count, a split line with each lot's count, and skips lines with no lot", () => {
    expect(
      readShippedLots({
        order_id: "order_1",
        "lot:li_tea:0": "lot_t",
        "lot:li_honey:0": "lot_h1",
        "qty:li_honey:0": "3",
        "lot:li_honey:1": "lot_h2",
        "qty:li_honey:1": " 2 ",
        "lot:li_rice:0": "",
      })
    ).toEqual([
      { line_item_id: "li_tea", lot_id: "lot_t" },
      { line_item_id: "li_honey", lot_id: "lot_h1", quantity: 3 },
      { line_item_id: "li_honey", lot_id: "lot_h2", quantity: 2 },
    ])
  })

  it("passes a missing or unreadable count of a split line on as null, for the backend to name", () => {
    expect(readShippedLots({ "lot:li_honey:0": "lot_h1", "qty:li_honey:0": "ba", "lot:li_honey:1": "lot_h2" })).toEqual([
      { line_item_id: "li_honey", lot_id: "lot_h1", quantity: null },
      { line_item_id: "li_honey", lot_id: "lot_h2", quantity: null },
    ])
  })
})

describe("lot templates", () => {
  it("fill the form's growing area, commune, quantity and step rows, keeping the product picked", () => {
    const template = {
      growing_area_code: "VN-TNTC-0012",
      commune: { code: "05977", name: "Xã Tân Cương", province_code: "19", province_name: "Thái Nguyên" },
      quantity: 500,
      steps: [
        { kind: "harvest" as const, note: "Hái một tôm hai lá" },
        { kind: "pack" as const, note: "" },
      ],
    }
    expect(applyLotTemplate(template, "prod_1")).toEqual({
      draft: { product_id: "prod_1", growing_area_code: "VN-TNTC-0012", commune_code: "05977", quantity: "500" },
      steps: template.steps,
    })
    expect(applyLotTemplate({ growing_area_code: null, commune: null, quantity: null, steps: [] }, "").draft).toEqual({
      product_id: "",
      growing_area_code: "",
      commune_code: "",
      quantity: "",
    })
  })

  it("are saved from the form without its code, dates or photos", () => {
    const body = readLotTemplateForm({
      template_name: " Chè vụ xuân ",
      code: "L-1",
      made_on: "2026-11-01",
      quantity: "300",
      growing_area_code: "",
      commune_code: "05977",
      step_kind_0: "harvest",
      step_date_0: "2026-11-01",
      step_note_0: "Hái sáng",
      step_kind_3: "pack",
      step_note_3: "",
    })
    expect(body).toEqual({
      name: "Chè vụ xuân",
      growing_area_code: null,
      commune_code: "05977",
      quantity: 300,
      steps: [
        { kind: "harvest", note: "Hái sáng" },
        { kind: "pack", note: "" },
      ],
    })
  })
})
