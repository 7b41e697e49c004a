import { describe, expect, it } from "vitest"
import { bankTransfer, vnpayReturn } from "./index"

describe("the VNPay return check", () => {
  it("names an order only when VNPay signed the query", () => {
    expect(vnpayReturn.parse({ verified: true, order_id: "order_01" })).toEqual({ verified: true, order_id: "order_01" })
    expect(vnpayReturn.parse({ verified: false, order_id: null })).toEqual({ verified: false, order_id: null })
    expect(vnpayReturn.safeParse({ verified: false, order_id: "order_01" }).success).toBe(false)
  })

  it("lets a signed query name no order (the payment session is not an order's yet)", () => {
    expect(vnpayReturn.parse({ verified: true, order_id: null }).order_id).toBeNull()
  })
})

describe("a VietQR transfer the order page draws", () => {
  const transfer = {
    qr: "000201…",
    bankName: "Vietcombank",
    accountNumber: "0123456789",
    accountName: "CHO OCOP",
    amount: 250000,
    reference: "OCOP7K2M9Q",
  }

  it("is in whole đồng, more than nothing: a transfer of a fraction or of zero is no transfer the bank can match", () => {
    expect(bankTransfer.parse(transfer).amount).toBe(250000)
    expect(bankTransfer.safeParse({ ...transfer, amount: 250000.5 }).success).toBe(false)
    expect(bankTransfer.safeParse({ ...transfer, amount: 0 }).success).toBe(false)
  })
})
