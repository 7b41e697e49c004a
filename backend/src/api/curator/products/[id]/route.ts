import type { MedusaResponse } from "@medusajs/framework/http"
import { resolveQuery } from "../../../utils/ocop-catalog"
import { pickCurrentCertification, presentCertification, presentProducer } from "../../../utils/present-ocop"
import { notFound, type CuratorRequest } from "../../scope"
import { readListingVisibility } from "./visibility-history"

/**
 * GET /curator/products/:id — a product of the curator's provinces with every certificate it was granted (newest
 * first, each with its rating history) and its producer: what the console shows before a re-rating. The product
 * is the province's when its current certificate is (as for POST …/certifications).
 */
export const GET = async (req: CuratorRequest, res: MedusaResponse) => {
  const { data } = await resolveQuery(req.scope).graph({
    entity: "product",
    fields: ["id", "title", "handle", "status", "certifications.*", "certifications.rating_events.*", "producer.*"],
    filters: { id: req.params.id },
  })
  const product = data[0]
  const current = product ? pickCurrentCertification(product.certifications) : null
  if (!current || !req.curator.province_codes.includes(current.province_code)) throw notFound("Product", req.params.id)
  const certifications = (product.certifications ?? [])
    .filter(Boolean)
    .sort((a: any, b: any) => String(b.created_at).localeCompare(String(a.created_at)))
  res.json({
    product: { id: product.id, title: product.title, handle: product.handle, status: product.status },
    producer: presentProducer(product.producer),
    current_certification_id: current.id,
    certifications: certifications.map((c: any) => presentCertification(c, undefined, true)),
    visibility: await readListingVisibility(req.scope, product.id),
  })
}
