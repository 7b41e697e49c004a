import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { certifyProductWorkflow } from "../../../../../workflows/ocop/certify-product"
import { resolveQuery } from "../../../../utils/ocop-catalog"
import { pickCurrentCertification } from "../../../../utils/present-ocop"
import { notFound, type CuratorRequest } from "../../../scope"
import type { CuratorCertifyProduct } from "../../../validators"
import { presentRegisterRow, readScopedCertificate } from "../../../certificates/read-certificates"

/**
 * POST /curator/products/:id/certifications — records a re-rating: a new certificate that supersedes the product's
 * current one (certifyProductWorkflow; the history entry says upgrade, downgrade or re-evaluation and names the
 * curator). The product is the province's when its current certificate is; origin and product group carry over.
 */
export const POST = async (req: CuratorRequest<CuratorCertifyProduct>, res: MedusaResponse) => {
  const { province_codes, recorded_by } = req.curator
  const { data } = await resolveQuery(req.scope).graph({
    entity: "product",
    fields: ["id", "certifications.*"],
    filters: { id: req.params.id },
  })
  const current = data[0] ? pickCurrentCertification(data[0].certifications) : null
  if (!current || !province_codes.includes(current.province_code)) throw notFound("Product", req.params.id)

  const { province, note, ...decision } = req.validatedBody
  const provinceCode = province ?? current.province_code
  if (!province_codes.includes(provinceCode)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `province: ngoài địa bàn của cán bộ / not one of your provinces (${province_codes.join(", ")})`
    )
  }
  const { result } = await certifyProductWorkflow(req.scope).run({
    input: {
      product_id: data[0].id,
      certification: {
        ...decision,
        product_group_code: decision.product_group_code ?? current.product_group_code ?? null,
        province_code: provinceCode,
        // The list's wording of the origin stays with the product when the province is unchanged.
        ...(provinceCode === current.province_code
          ? {
              province_as_listed: current.province_as_listed ?? null,
              district_as_listed: current.district_as_listed ?? null,
              commune_as_listed: current.commune_as_listed ?? null,
              commune_code: current.commune_code ?? null,
            }
          : {}),
        note: note ?? null,
        source: "curator",
        recorded_by,
      },
    },
  })
  const created = await readScopedCertificate(req.scope, province_codes, result.id)
  res.status(201).json({ certificate: presentRegisterRow(created) })
}
