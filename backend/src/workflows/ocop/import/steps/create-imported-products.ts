import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createProductsWorkflow, deleteProductsWorkflow } from "@medusajs/medusa/core-flows"
import { importHandle } from "../import-keys"
import type { PlannedRow } from "../plan-import"
import { writeInChunks } from "../write-in-chunks"

/**
 * Listed products become draft products (no price yet): the producer or the operator publishes them with a
 * price. Key → product id.
 */
export const createImportedProductsStep = createStep(
  "create-imported-products",
  async (
    { rows, sales_channel_id, chunk_size }: { rows: PlannedRow[]; sales_channel_id: string | null; chunk_size: number },
    { container }
  ) => {
    if (!rows.length) return new StepResponse({} as Record<string, string>, [] as string[])
    // Checkout offers only the delivery options of the items' shipping profile.
    const [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" }, { select: ["id"] })
    const created = await writeInChunks(
      rows,
      chunk_size,
      async (chunk) =>
        (
          await createProductsWorkflow(container).run({
            input: {
              products: chunk.map(({ key, record }) => ({
                title: record.product_name,
                handle: importHandle(record, key),
                external_id: key,
                status: "draft" as const,
                // Medusa requires an option; the producer adds real variants (sizes, packs) when publishing.
                options: [{ title: "Quy cách", values: ["Tiêu chuẩn"] }],
                ...(sales_channel_id ? { sales_channels: [{ id: sales_channel_id }] } : {}),
                ...(profile ? { shipping_profile_id: profile.id } : {}),
              })),
            },
          })
        ).result,
      async (done) => {
        await deleteProductsWorkflow(container).run({ input: { ids: done.map((p) => p.id) } })
      }
    )
    const byKey: Record<string, string> = {}
    created.forEach((product) => (byKey[product.external_id!] = product.id))
    return new StepResponse(byKey, created.map((p) => p.id))
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) return
    await deleteProductsWorkflow(container).run({ input: { ids: createdIds } })
  }
)
