import type { z } from "@medusajs/framework/zod"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminListCertifications } from "../validators"
import { resolveQuery } from "../../../utils/ocop-catalog"
import { presentCertification } from "../../../utils/present-ocop"

/** GET /admin/ocop/certifications — certificates by status and province, newest first, with their product. */
export const GET = async (req: MedusaRequest<unknown, z.infer<typeof AdminListCertifications>>, res: MedusaResponse) => {
  const params = req.validatedQuery
  const { data, metadata } = await resolveQuery(req.scope).graph({
    entity: "certification",
    fields: ["*", "product.id", "product.title"],
    filters: {
      ...(params.status ? { status: params.status } : {}),
      ...(params.province ? { province_code: params.province } : {}),
    },
    pagination: { skip: params.offset, take: params.limit, order: { created_at: "DESC" } },
  })
  res.json({
    certifications: data.map((c: any) => ({
      ...presentCertification(c),
      product: c.product ? { id: c.product.id, title: c.product.title } : null,
    })),
    count: metadata?.count ?? data.length,
    offset: params.offset,
    limit: params.limit,
  })
}
