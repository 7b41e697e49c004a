import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductWorkflowEvents } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { importHandle } from "../import-keys"
import type { PlannedRow } from "../plan-import"
import { writeInChunks } from "../write-in-chunks"

type Created = { ids: string[]; sales_channel_id: string | null; shipping_profile_id: string | null }

/**
 * Removes products this import just created: their sales-channel and shipping-profile links, the products, and a
 * `product.deleted` event each so the search index drops any document it built meanwhile. Medusa's
 * deleteProductsWorkflow does the same generically but took 69 s for 500 products here (it looks every link
 * module up per product); these products have exactly the two links the step made and nothing else yet.
 */
async function removeImportedProducts(container: MedusaContainer, created: Created): Promise<void> {
  if (!created.ids.length) return
  const links = created.ids.flatMap((product_id) => [
    ...(created.sales_channel_id
      ? [{ [Modules.PRODUCT]: { product_id }, [Modules.SALES_CHANNEL]: { sales_channel_id: created.sales_channel_id } }]
      : []),
    ...(created.shipping_profile_id
      ? [{ [Modules.PRODUCT]: { product_id }, [Modules.FULFILLMENT]: { shipping_profile_id: created.shipping_profile_id } }]
      : []),
  ])
  if (links.length) await container.resolve(ContainerRegistrationKeys.LINK).dismiss(links)
  await container.resolve(Modules.PRODUCT).deleteProducts(created.ids)
  await container.resolve(Modules.EVENT_BUS).emit(created.ids.map((id) => ({ name: ProductWorkflowEvents.DELETED, data: { id } })))
}

/**
 * Listed products become published showcase listings (no variant with a price yet): buyers see them at once, and
 * they become purchasable when their producer adds a pack size with a price. Key → product id.
 */
export const createImportedProductsStep = createStep(
  "create-imported-products",
  async ({ rows, sales_channel_id, chunk_size }: { rows: PlannedRow[]; sales_channel_id: string | null; chunk_size: number }, { container }) => {
    const none: Created = { ids: [], sales_channel_id, shipping_profile_id: null }
    if (!rows.length) return new StepResponse({} as Record<string, string>, none)
    // Checkout offers only the delivery options of the items' shipping profile.
    const [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" }, { select: ["id"] })
    const shipping_profile_id = profile?.id ?? null
    const created = await writeInChunks(
      rows,
      chunk_size,
      async (chunk) =>
        // Keep only what later steps need: 20,000 full product objects would stay in memory for the whole import.
        (
          await createProductsWorkflow(container).run({
            input: {
              products: chunk.map(({ key, record }) => ({
                title: record.product_name,
                handle: importHandle(record, key),
                external_id: key,
                // Published at once as a showcase listing (issue 14): a certified product is visible to buyers before
                // it has a price; the search index's `buyable` and the shop's presenters tell showcase from purchasable.
                status: "published" as const,
                // Medusa requires an option; the producer adds real variants (sizes, packs) when publishing.
                options: [{ title: "Quy cách", values: ["Tiêu chuẩn"] }],
                ...(sales_channel_id ? { sales_channels: [{ id: sales_channel_id }] } : {}),
                ...(shipping_profile_id ? { shipping_profile_id } : {}),
              })),
            },
          })
        ).result.map(({ id, external_id }) => ({ id, external_id })),
      (done) => removeImportedProducts(container, { ids: done.map((p) => p.id), sales_channel_id, shipping_profile_id })
    )
    const byKey: Record<string, string> = {}
    created.forEach((product) => (byKey[product.external_id!] = product.id))
    return new StepResponse(byKey, { ids: created.map((p) => p.id), sales_channel_id, shipping_profile_id })
  },
  async (created, { container }) => {
    if (!created?.ids.length) return
    await removeImportedProducts(container, created)
  }
)
