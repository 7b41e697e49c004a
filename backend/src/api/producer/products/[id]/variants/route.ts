import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { addProducerVariantWorkflow } from "../../../../../workflows/producer/add-producer-variant"
import type { ProducerAddVariant } from "../../../validators"
import type { ProducerRequest } from "../../../scope"
import { readOwnProduct } from "../../read-own-product"
import { readProducerProduct } from "../../present-producer-product"

/**
 * POST /producer/products/:id/variants — add a pack size (title, VND price, optional stock) to an own listing.
 * A showcase listing (imported, no price) becomes purchasable with its first one.
 */
export const POST = async (req: ProducerRequest<ProducerAddVariant>, res: MedusaResponse) => {
  const body = req.validatedBody
  const product = await readOwnProduct(req, req.params.id)
  if (product.variants.some((v) => v.title?.toLocaleLowerCase("vi") === body.title.toLocaleLowerCase("vi"))) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `title: đã có quy cách "${body.title}" / this pack size already exists`)
  }
  const { locationId } = product
  if (!locationId && body.stock !== undefined) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "stock: sản phẩm chưa có kho / the product's sales channel has no warehouse")
  }
  await addProducerVariantWorkflow(req.scope).run({
    input: { product_id: product.id, location_id: locationId ?? "", variant: body },
  })
  res.status(201).json({ product: await readProducerProduct(req.scope, product.id) })
}
