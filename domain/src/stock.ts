/**
 * Stock as a buyer and a producer see it — the one definition behind the producer portal's counts, the
 * low-stock reminders, shortage messages and the search index's `in_stock`. Units reserved by placed orders
 * are not for sale: what is left is stocked minus reserved, summed over the warehouses.
 */

export type StockLevel = { stocked_quantity?: unknown; reserved_quantity?: unknown } | null | undefined

export type StockedVariant = {
  manage_inventory?: boolean | null
  allow_backorder?: boolean | null
  inventory_items?: ({ inventory?: { location_levels?: StockLevel[] | null } | null } | null | undefined)[] | null
}

/** The inventory fields a read must ask for to apply these rules to a variant. */
export const VARIANT_STOCK_FIELDS = [
  "manage_inventory",
  "allow_backorder",
  "inventory_items.inventory.location_levels.stocked_quantity",
  "inventory_items.inventory.location_levels.reserved_quantity",
] as const

/** Units still for sale across these levels: stocked minus reserved. */
export function availableQuantity(levels: readonly StockLevel[]): number {
  return levels.reduce((sum, l) => sum + Number(l?.stocked_quantity ?? 0) - Number(l?.reserved_quantity ?? 0), 0)
}

/** Every warehouse level of a variant's inventory items. */
export function variantStockLevels(variant: StockedVariant): StockLevel[] {
  return (variant.inventory_items ?? []).flatMap((item) => item?.inventory?.location_levels ?? [])
}

/** Units of a variant still for sale, or null when the producer does not track its stock. */
export function variantStock(variant: StockedVariant): number | null {
  if (!variant.manage_inventory) return null
  return availableQuantity(variantStockLevels(variant))
}

/** A buyer can order it now: stock not tracked, backorders allowed, or units left. */
export function isVariantInStock(variant: StockedVariant): boolean {
  return variant.manage_inventory === false || Boolean(variant.allow_backorder) || availableQuantity(variantStockLevels(variant)) > 0
}

/** One warehouse has `needed` units left: Medusa reserves each cart line from a single warehouse. */
export function hasUnitsInOneWarehouse(levels: readonly StockLevel[], needed: number): boolean {
  return levels.some((level) => availableQuantity([level]) >= needed)
}
