import { describe, expect, it } from "vitest"
import { assignShippedLotQuantities, findShippedLotProblem } from "./lots"

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
