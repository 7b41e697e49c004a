import { describe, expect, it } from "vitest"
import { hasUnitsInOneWarehouse, isVariantInStock, variantStock } from "./stock"

const tracked = (...levels: [number, number][]) => ({
  manage_inventory: true,
  allow_backorder: false,
  inventory_items: [
    { inventory: { location_levels: levels.map(([stocked_quantity, reserved_quantity]) => ({ stocked_quantity, reserved_quantity })) } },
  ],
})

describe("stock", () => {
  it("counts what placed orders have not reserved, over every warehouse", () => {
    expect(variantStock(tracked([10, 3], [2, 0]))).toBe(9)
    expect(isVariantInStock(tracked([10, 3]))).toBe(true)
  })
  it("is sold out when every stocked unit is reserved, as the portal and the search filter both say", () => {
    const reserved = tracked([4, 4])
    expect(variantStock(reserved)).toBe(0)
    expect(isVariantInStock(reserved)).toBe(false)
  })
  it("is always in stock when not tracked or when backorders are allowed", () => {
    expect(variantStock({ manage_inventory: false })).toBeNull()
    expect(isVariantInStock({ manage_inventory: false })).toBe(true)
    expect(isVariantInStock({ ...tracked([0, 0]), allow_backorder: true })).toBe(true)
  })
  it("fills a cart line from one warehouse only, the way Medusa reserves it", () => {
    const levels = [
      { stocked_quantity: 3, reserved_quantity: 2 },
      { stocked_quantity: 2, reserved_quantity: 0 },
    ]
    expect(hasUnitsInOneWarehouse(levels, 2)).toBe(true)
    // Three units are left in all, but no warehouse holds three.
    expect(hasUnitsInOneWarehouse(levels, 3)).toBe(false)
    expect(hasUnitsInOneWarehouse([{ stocked_quantity: 1, reserved_quantity: 1 }], 1)).toBe(false)
  })
})
