import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

export type SetVariantStockInput = { location_id: string; variants: { id: string; stock: number }[] }

type Undo = {
  levels: { inventory_item_id: string; location_id: string; stocked_quantity: number }[]
  createdLevels: { inventory_item_id: string; location_id: string }[]
  createdItems: { variant_id: string; inventory_item_id: string }[]
  managedVariantIds: string[]
}

/**
 * Sets each variant's stock at the producer's warehouse. Imported and demo variants do not track inventory yet:
 * the first stock a producer enters creates the inventory item, links it and turns tracking on, so the store
 * stops selling what is not there.
 */
export const setVariantStockStep = createStep(
  "set-variant-stock",
  async (input: SetVariantStockInput, { container }) => {
    const undo: Undo = { levels: [], createdLevels: [], createdItems: [], managedVariantIds: [] }
    if (!input.variants.length) return new StepResponse(undefined, undo)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const inventory = container.resolve(Modules.INVENTORY)
    const products = container.resolve(Modules.PRODUCT)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const { data: variants } = await query.graph({
      entity: "product_variant",
      fields: ["id", "sku", "title", "manage_inventory", "inventory_items.inventory_item_id"],
      filters: { id: input.variants.map((v) => v.id) },
    })
    for (const wanted of input.variants) {
      const variant = variants.find((v: any) => v.id === wanted.id) as any
      let itemId: string = variant?.inventory_items?.[0]?.inventory_item_id ?? ""
      if (!itemId) {
        const item = await inventory.createInventoryItems({ sku: variant?.sku ?? null, title: variant?.title ?? null })
        itemId = item.id as string
        await link.create({
          [Modules.PRODUCT]: { variant_id: wanted.id },
          [Modules.INVENTORY]: { inventory_item_id: itemId },
        })
        undo.createdItems.push({ variant_id: wanted.id, inventory_item_id: itemId })
      }
      const [level] = await inventory.listInventoryLevels({ inventory_item_id: itemId, location_id: input.location_id })
      if (level) {
        undo.levels.push({ inventory_item_id: itemId, location_id: input.location_id, stocked_quantity: Number(level.stocked_quantity) })
        await inventory.updateInventoryLevels([{ inventory_item_id: itemId, location_id: input.location_id, stocked_quantity: wanted.stock }])
      } else {
        await inventory.createInventoryLevels([{ inventory_item_id: itemId, location_id: input.location_id, stocked_quantity: wanted.stock }])
        undo.createdLevels.push({ inventory_item_id: itemId, location_id: input.location_id })
      }
      if (!variant?.manage_inventory) {
        await products.updateProductVariants(wanted.id, { manage_inventory: true })
        undo.managedVariantIds.push(wanted.id)
      }
    }
    return new StepResponse(undefined, undo)
  },
  async (undo, { container }) => {
    if (!undo) return
    const inventory = container.resolve(Modules.INVENTORY)
    const products = container.resolve(Modules.PRODUCT)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    if (undo.levels.length) await inventory.updateInventoryLevels(undo.levels)
    for (const level of undo.createdLevels) {
      const found = await inventory.listInventoryLevels(level)
      if (found.length) await inventory.deleteInventoryLevels(found.map((l) => l.id))
    }
    for (const created of undo.createdItems) {
      await link.dismiss({
        [Modules.PRODUCT]: { variant_id: created.variant_id },
        [Modules.INVENTORY]: { inventory_item_id: created.inventory_item_id },
      })
      await inventory.deleteInventoryItems([created.inventory_item_id])
    }
    for (const id of undo.managedVariantIds) await products.updateProductVariants(id, { manage_inventory: false })
  }
)
