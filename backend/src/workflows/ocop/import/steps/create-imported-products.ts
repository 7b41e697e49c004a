import { randomUUID } from "node:crypto"
import type { Context, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaContextType, Modules, ProductWorkflowEvents } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
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

type ChunkInput = { rows: PlannedRow[]; sales_channel_id: string | null; shipping_profile_id: string | null }

/**
 * One chunk of listed products, written as Medusa's createProductsWorkflow writes products without variants (the
 * Product Module's createProducts, the sales-channel and shipping-profile links, a `product.created` each; no
 * project code hooks `productsCreated`) but without running that workflow per chunk: its steps, transforms and
 * deep copies of the chunk cost more than the writes. The chunk's events (the modules' and `product.created`) form
 * a group of their own, released when the chunk is written and dropped when it fails. Module calls in a step
 * otherwise join the import workflow's event group, which is released only when the whole import ends: at 20,000
 * rows those held events doubled the process's peak memory. A chunk that fails after its products were created
 * removes them before the error goes on, as the nested workflow's compensation did; writeInChunks undoes the
 * chunks before it.
 */
export async function createImportedProductChunk(
  container: MedusaContainer,
  { rows, sales_channel_id, shipping_profile_id }: ChunkInput
): Promise<{ id: string; external_id: string }[]> {
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const eventGroupId = randomUUID()
  // A context marked as Medusa's is passed through as it is; an unmarked one would be swapped for the workflow's.
  // A fresh object per call: the modules' decorators write their transaction manager and event aggregator into it.
  const chunkContext = (): Context => ({ __type: MedusaContextType, eventGroupId })
  const created: { id: string; external_id: string }[] = []
  try {
    const products = await container.resolve(Modules.PRODUCT).createProducts(
      rows.map(({ key, record }) => ({
        title: record.product_name,
        handle: importHandle(record, key),
        external_id: key,
        // Published at once as a showcase listing (issue 14): a certified product is visible to buyers before
        // it has a price; the search index's `buyable` and the shop's presenters tell showcase from purchasable.
        status: "published" as const,
        // Medusa requires an option; the producer adds real variants (sizes, packs) when publishing.
        options: [{ title: "Quy cách", values: ["Tiêu chuẩn"] }],
      })),
      chunkContext()
    )
    // Keep only what later steps need: 20,000 full product objects would stay in memory for the whole import.
    for (const { id, external_id } of products) created.push({ id, external_id: external_id! })
    const links = created.flatMap(({ id: product_id }) => [
      ...(sales_channel_id ? [{ [Modules.PRODUCT]: { product_id }, [Modules.SALES_CHANNEL]: { sales_channel_id } }] : []),
      // Checkout offers only the delivery options of the items' shipping profile.
      ...(shipping_profile_id ? [{ [Modules.PRODUCT]: { product_id }, [Modules.FULFILLMENT]: { shipping_profile_id } }] : []),
    ])
    if (links.length) await container.resolve(ContainerRegistrationKeys.LINK).create(links, chunkContext())
    // With the external_id, the search index knows a listed product without reading it (its document comes with
    // ocop.catalog.imported); every other subscriber reads `id`, as in createProductsWorkflow's events.
    await eventBus.emit(created.map((data) => ({ name: ProductWorkflowEvents.CREATED, data, metadata: { eventGroupId } })))
  } catch (error) {
    await eventBus.clearGroupedEvents(eventGroupId)
    if (created.length) await removeImportedProducts(container, { ids: created.map((p) => p.id), sales_channel_id, shipping_profile_id })
    throw error
  }
  await eventBus.releaseGroupedEvents(eventGroupId)
  return created
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
    const [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" }, { select: ["id"] })
    const shipping_profile_id = profile?.id ?? null
    const created = await writeInChunks(
      rows,
      chunk_size,
      (chunk) => createImportedProductChunk(container, { rows: chunk, sales_channel_id, shipping_profile_id }),
      (done) => removeImportedProducts(container, { ids: done.map((p) => p.id), sales_channel_id, shipping_profile_id })
    )
    const byKey: Record<string, string> = {}
    created.forEach((product) => (byKey[product.external_id] = product.id))
    return new StepResponse(byKey, { ids: created.map((p) => p.id), sales_channel_id, shipping_profile_id })
  },
  async (created, { container }) => {
    if (!created?.ids.length) return
    await removeImportedProducts(container, created)
  }
)
