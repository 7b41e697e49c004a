import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { AdminProductOcop } from "@ocop/contracts"
import { resolveQuery } from "../../../../utils/ocop-catalog"
import { pickCurrentCertification, presentCertification, presentProducer } from "../../../../utils/present-ocop"

/** GET /admin/products/:id/ocop — the product's certificates (newest first, with history) and producer. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { data } = await resolveQuery(req.scope).graph({
    entity: "product",
    fields: ["id", "title", "certifications.*", "certifications.rating_events.*", "producer.*"],
    filters: { id: req.params.id },
  })
  const product = data[0]
  if (!product) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product "${req.params.id}" was not found`)
  const certifications = (product.certifications ?? [])
    .filter(Boolean)
    .sort((a: any, b: any) => String(b.created_at).localeCompare(String(a.created_at)))
  const current = pickCurrentCertification(certifications)
  res.json({
    product_id: product.id,
    current_certification_id: current?.id ?? null,
    // The operator sees who wrote each history entry.
    certifications: certifications.map((c: any) => presentCertification(c, undefined, true)),
    producer: presentProducer(product.producer, true),
  } satisfies AdminProductOcop)
}
