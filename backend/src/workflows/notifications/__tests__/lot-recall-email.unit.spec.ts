import { lotRecallEmail, type LotRecallMail } from "../order-emails"

const mail: LotRecallMail = {
  order: { id: "order_1", display_id: 42, locale: "vi" },
  producer_name: "HTX Dừa Sáp",
  product_title: "Dừa sáp Cầu Kè",
  lot_code: "TH-1",
  reason: "Nấm mốc",
  scan_url: "https://cho-ocop.example.vn/l/ABCDEFGHJK",
  lines: [{ title: "Dừa sáp Cầu Kè", variant_title: null, quantity: 5, unit_price: 120_000 }],
  quantity: 3,
}

describe("lotRecallEmail", () => {
  it("says how many units of the order came from the lot, in Vietnamese, and in English too for an English order", () => {
    const vi = lotRecallEmail(mail)
    expect(vi.text).toContain("Số lượng từ lô này: 3")
    expect(vi.html).toContain("Số lượng từ lô này: 3")
    expect(vi.text).not.toContain("Units from this lot")
    const en = lotRecallEmail({ ...mail, order: { ...mail.order, locale: "en" } })
    expect(en.text).toContain("Số lượng từ lô này: 3")
    expect(en.text).toContain("Units from this lot: 3")
    expect(en.html).toContain("Units from this lot: 3")
  })

  it("says nothing about units when the shipment did not record them", () => {
    const { text, html } = lotRecallEmail({ ...mail, order: { ...mail.order, locale: "en" }, quantity: null })
    expect(`${text}${html}`).not.toMatch(/Số lượng từ lô này|Units from this lot/)
  })
})
