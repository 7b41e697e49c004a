import { describe, expect, it } from "vitest"
import { findShippedLotProblem } from "./lots"

const lines = [
  { id: "li_honey", product_id: "prod_honey" },
  { id: "li_tea", product_id: "prod_tea" },
]
const ownLots = [
  { id: "lot_h1", product_id: "prod_honey", status: "active" },
  { id: "lot_h2", product_id: "prod_honey", status: "active" },
  { id: "lot_old", product_id: "prod_tea", status: "recalled" },
]

describe("findShippedLotProblem", () => {
  it("accepts one or several own lots of the line's product", () => {
    expect(
      findShippedLotProblem(
        [
          { line_item_id: "li_honey", lot_id: "lot_h1" },
          { line_item_id: "li_honey", lot_id: "lot_h2" },
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
          { line_item_id: "li_honey", lot_id: "lot_h1" },
          { line_item_id: "li_honey", lot_id: "lot_h1" },
        ],
        lines,
        ownLots
      )
    ).toMatch(/được nêu hai lần/)
  })
})
