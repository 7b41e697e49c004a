import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { updateProducerProductWorkflow } from "../../../../workflows/producer/update-producer-product"
import type { ProducerUpdateProduct } from "../../validators"
import { assertOwnProduct, type ProducerRequest } from "../../scope"
import { readOwnProduct } from "../read-own-product"
import { readProducerProduct } from "../present-producer-product"
import { readListingVisibility } from "../../../curator/products/[id]/visibility-history"

/** GET /producer/products/:id — one own listing. */
export const GET = async (req: ProducerRequest, res: MedusaResponse) => {
  await assertOwnProduct(req, req.params.id)
  res.json({ product: await readProducerProduct(req.scope, req.params.id) })
}

/** POST /producer/products/:id — edit title, description, story, status, variant titles, VND prices and stock. */
export const POST = async (req: ProducerRequest<ProducerUpdateProduct>, res: MedusaResponse) => {
  const body = req.validatedBody
  const product = await readOwnProduct(req, req.params.id)
  const ownVariantIds = new Set(product.variants.map((v) => v.id))
  const foreign = (body.variants ?? []).filter((v) => !ownVariantIds.has(v.id))
  if (foreign.length) {
    // 404 like any other id outside the producer's reach.
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `variants.id: ${foreign.map((v) => v.id).join(", ")} không thuộc sản phẩm này / not a variant of this product`
    )
  }
  const { locationId } = product
  if (!locationId && body.variants?.some((v) => v.stock !== undefined)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "variants.stock: sản phẩm chưa có kho / the product's sales channel has no warehouse")
  }
  const { title, description, status } = body
  // A listing hidden by the province's curator stays hidden until the curator shows it again.
  if (status === "published" && (await readListingVisibility(req.scope, product.id)).hidden) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "status: cán bộ OCOP của tỉnh đã ẩn sản phẩm này / the province's OCOP office has hidden this listing"
    )
  }
  const productUpdate = Object.fromEntries(Object.entries({ title, description, status }).filter(([, value]) => value !== undefined))
  await updateProducerProductWorkflow(req.scope).run({
    input: {
      product_id: product.id,
      producer_id: req.membership.producer_id,
      location_id: locationId ?? "",
      product: productUpdate,
      story: body.story,
      variants: body.variants ?? [],
    },
  })
  res.json({ product: await readProducerProduct(req.scope, product.id) })
}
