import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { resolveQuery } from "../../../utils/ocop-catalog"
import { presentCertification, presentProducer } from "../../../utils/present-ocop"

/**
 * GET /store/certifications/:id — the public verification record a QR code on the package opens: product,
 * producer, stars, decision, validity and status. Expired and revoked certificates are returned, plainly marked.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { data } = await resolveQuery(req.scope).graph({
    entity: "certification",
    fields: ["*", "rating_events.*", "product.id", "product.title", "product.handle", "product.thumbnail", "product.status", "product.producer.*"],
    filters: { id: req.params.id },
  })
  const cert = data[0]
  if (!cert) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Certification "${req.params.id}" was not found`)
  }
  const product = cert.product
  res.json({
    certification: {
      ...presentCertification(cert),
      product: product
        ? {
            id: product.id,
            title: product.title,
            handle: product.status === "published" ? product.handle : null,
            thumbnail: product.thumbnail ?? null,
          }
        : null,
      producer: presentProducer(product?.producer),
    },
  })
}
