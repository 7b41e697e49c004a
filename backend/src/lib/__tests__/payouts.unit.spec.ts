import { computePayoutLedger } from "../payouts"

describe("computePayoutLedger", () => {
  const part = (id: string, status: string, subtotal: number, delivered_at: string | null = null) => ({
    id,
    order_id: `order_${id}`,
    status,
    subtotal,
    delivered_at,
  })

  it("counts delivered parts only, minus the commission rounded to the đồng per part", () => {
    const ledger = computePayoutLedger(
      [
        part("a", "delivered", 120_000, "2026-11-02T00:00:00Z"),
        part("b", "delivered", 33_333, "2026-11-01T00:00:00Z"),
        part("c", "shipped", 500_000),
        part("d", "canceled", 80_000),
      ],
      [{ shipment_id: "d", amount: 80_000, status: "pending" }],
      10
    )
    // 10 % of 33 333 is 3 333.3 → 3 333; of 120 000 → 12 000.
    expect(ledger.entries.map((e) => [e.part_id, e.commission, e.net])).toEqual([
      ["b", 3_333, 30_000],
      ["a", 12_000, 108_000],
    ])
    expect(ledger.totals).toEqual({
      delivered: 153_333,
      shipping: 0,
      commission: 15_333,
      net: 138_000,
      refunds: 80_000,
      refunds_pending: 80_000,
      balance: 138_000,
    })
  })

  it("is all zeros for a producer with nothing delivered", () => {
    expect(computePayoutLedger([part("x", "pending", 10_000)], [], 10).totals).toEqual({
      delivered: 0,
      shipping: 0,
      commission: 0,
      net: 0,
      refunds: 0,
      refunds_pending: 0,
      balance: 0,
    })
  })

  it("adds a delivered part's delivery fee to what the producer is owed, with no commission on it", () => {
    const ledger = computePayoutLedger(
      [
        { ...part("a", "delivered", 100_000, "2026-11-02T00:00:00Z"), shipping_fee: 30_000 },
        { ...part("b", "canceled", 50_000), shipping_fee: 25_000 },
      ],
      [],
      10
    )
    expect(ledger.entries.map((e) => [e.part_id, e.shipping_fee, e.commission, e.net])).toEqual([["a", 30_000, 10_000, 120_000]])
    expect(ledger.totals).toMatchObject({ delivered: 100_000, shipping: 30_000, commission: 10_000, balance: 120_000 })
  })
})
