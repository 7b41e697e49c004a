import type { MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { removeProductPhotoWorkflow } from "../../../../../../workflows/producer/remove-product-photo"
import { assertOwnProduct, type ProducerRequest } from "../../../../scope"
import { readProducerProduct } from "../../../present-producer-product"

/** DELETE /producer/products/:id/images/:imageId — removes one photo of an own product. */
export const DELETE = async (req: ProducerRequest, res: MedusaResponse) => {
  await assertOwnProduct(req, req.params.id)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["images.id"], filters: { id: req.params.id } })
  if (!(data[0] as any)?.images?.some((image: any) => image.id === req.params.imageId)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Image "${req.params.imageId}" was not found / không tìm thấy ảnh`)
  }
  await removeProductPhotoWorkflow(req.scope).run({ input: { product_id: req.params.id, image_id: req.params.imageId } })
  res.json({ product: await readProducerProduct(req.scope, req.params.id) })
}
