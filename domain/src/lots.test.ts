import { describe, expect, it } from "vitest"
import {
  assignShippedLotQuantities,
  findSerialRequestProblem,
  findShippedLotProblem,
  isSerialCode,
  SERIAL_ALPHABET,
  SERIAL_LENGTH,
  SERIALS_PER_LOT_MAX,
  serialCapForLot,
} from "./lots"

const lines = [
  { id: "li_honey", product_id: "prod_honey", quantity: 5 },
  { id: "li_tea", product_id: "prod_tea", quantity: 2 },
]
const ownLots = [
  { id: "lot_h1", product_id: "prod_honey", status: "active" },
  { id: "lot_h2", product_id: "prod_honey", status: "active" },
  { id: "lot_old", product_id: "prod_tea", status: "recalled" },
]

describe("findShippedLotProblem", () => {
  it("accepts one own lot of the line's product without a quantity, or several whose quantities add up to the line", () => {
    expect(findShippedLotProblem([{ line_item_id: "li_honey", lot_id: "lot_h1" }], lines, ownLots)).toBeNull()
    expect(findShippedLotProblem([{ line_item_id: "li_honey", lot_id: "lot_h1", quantity: 5 }], lines, ownLots)).toBeNull()
    expect(
      findShippedLotProblem(
        [
          { line_item_id: "li_honey", lot_id: "lot_h1", quantity: 3 },
          { line_item_id: "li_honey", lot_id: "lot_h2", quantity: 2 },
        ],
        lines,
        ownLots
      )
    ).toBeNull()
  })

  it("names the field first, Vietnamese then English, for each refusal", () => {
    expect(findShippedLotProblem([{ line_item_id: "li_other", lot_id: "lot_h1" }], lines, ownLots)).toBe(
      "lots: dòng li_other không thuộc phần đơn của bạn / line li_other is not in your part of the order"
    )
    // Another producer's lot is not among the own lots: it reads as unknown.
    expect(findShippedLotProblem([{ line_item_id: "li_honey", lot_id: "lot_theirs" }], lines, ownLots)).toBe(
      "lots: không tìm thấy lô lot_theirs của bạn / lot lot_theirs is not one of yours"
    )
    expect(findShippedLotProblem([{ line_item_id: "li_tea", lot_id: "lot_h1" }], lines, ownLots)).toMatch(/^lots: lô lot_h1 không phải của sản phẩm/)
    expect(findShippedLotProblem([{ line_item_id: "li_tea", lot_id: "lot_old" }], lines, ownLots)).toMatch(/^lots: lô lot_old đã bị thu hồi/)
    expect(
      findShippedLotProblem(
        [
          { line_item_id: "li_honey", lot_id: "lot_h1", quantity: 2 },
          { line_item_id: "li_honey", lot_id: "lot_h1", quantity: 3 },
        ],
        lines,
        ownLots
      )
    ).toMatch(/^lots: lô lot_h1 được nêu hai lần cho dòng li_honey/)
  })

  it("refuses quantities that do not add up to the line, and a split without each lot's quantity", () => {
    expect(
      findShippedLotProblem(
        [
          { line_item_id: "li_honey", lot_id: "lot_h1", quantity: 3 },
          { line_item_id: "li_honey", lot_id: "lot_h2", quantity: 1 },
        ],
        lines,
        ownLots
      )
    ).toBe("lots: số lượng các lô của dòng li_honey cộng lại là 4, dòng gửi 5 / the lot quantities of line li_honey add up to 4, the line ships 5")
    expect(findShippedLotProblem([{ line_item_id: "li_honey", lot_id: "lot_h1", quantity: 6 }], lines, ownLots)).toMatch(/cộng lại là 6, dòng gửi 5/)
    expect(
      findShippedLotProblem(
        [
          { line_item_id: "li_honey", lot_id: "lot_h1", quantity: 3 },
          { line_item_id: "li_honey", lot_id: "lot_h2" },
        ],
        lines,
        ownLots
      )
    ).toMatch(/^lots: dòng li_honey lấy từ 2 lô, cần ghi số lượng của từng lô/)
  })
})

describe("assignShippedLotQuantities", () => {
  it("gives a lot named alone the whole line and keeps stated quantities", () => {
    expect(
      assignShippedLotQuantities(
        [
          { line_item_id: "li_tea", lot_id: "lot_t" },
          { line_item_id: "li_honey", lot_id: "lot_h1", quantity: 3 },
          { line_item_id: "li_honey", lot_id: "lot_h2", quantity: 2 },
        ],
        lines
      )
    ).toEqual([
      { line_item_id: "li_tea", lot_id: "lot_t", quantity: 2 },
      { line_item_id: "li_honey", lot_id: "lot_h1", quantity: 3 },
      { line_item_id: "li_honey", lot_id: "lot_h2", quantity: 2 },
    ])
  })
})

describe("serials", () => {
  it("a serial is 13 characters without look-alikes, at least 60 random bits", () => {
    expect(SERIAL_LENGTH * Math.log2(SERIAL_ALPHABET.length)).toBeGreaterThanOrEqual(60)
    expect(SERIAL_ALPHABET).not.toMatch(/[01OIL]/)
    expect(isSerialCode("23456789ABCDE")).toBe(true)
    expect(isSerialCode("23456789ABCD0")).toBe(false)
    expect(isSerialCode("23456789abcde")).toBe(false)
    expect(isSerialCode("23456789ABCD")).toBe(false)
  })

  it("caps a request at 1..1,000 and a lot at its quantity made", () => {
    expect(findSerialRequestProblem(3, 0, 200)).toBeNull()
    expect(findSerialRequestProblem(0, 0, 200)).toMatch(/^count: từ 1 đến 1\.000 mã mỗi lần \/ 1 to 1,000 serials per request$/)
    expect(findSerialRequestProblem(1001, 0, 5000)).toMatch(/^count: /)
    expect(findSerialRequestProblem(2.5, 0, 200)).toMatch(/^count: /)
    expect(findSerialRequestProblem(8, 195, 200)).toBe(
      "count: lô này chỉ còn được cấp 5 mã (tối đa 200, theo số lượng sản xuất) / this lot may get only 5 more serials (at most 200, its quantity made)"
    )
    expect(findSerialRequestProblem(5, 195, 200)).toBeNull()
    expect(serialCapForLot(10_000_000)).toBe(SERIALS_PER_LOT_MAX)
  })
})
