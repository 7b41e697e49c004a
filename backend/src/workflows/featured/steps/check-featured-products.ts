import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { getProvince } from "@ocop/domain/places"
import { pickCurrentCertification } from "../../../api/utils/present-ocop"

export type CheckFeaturedProductsInput = { product_ids: string[]; province_code: string | null }

const provinceName = (code: string | null | undefined) => (code ? (getProvince(code)?.name ?? code) : "?")

/**
 * Every product of a province's list must be that province's: its current certificate's province, the same rule
 * the curator register uses. National lists take any certified product. Reads through Query (the product module
 * stays isolated from ours); refuses with the first position that is wrong, naming the product.
 */
export const checkFeaturedProductsStep = createStep("check-featured-products", async (input: CheckFeaturedProductsInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["id", "title", "certifications.*"],
    filters: { id: input.product_ids },
  })
  const byId = new Map<string, Record<string, any>>(data.map((p: Record<string, any>) => [p.id, p]))
  const problems: string[] = []
  input.product_ids.forEach((id, index) => {
    const product = byId.get(id)
    if (!product) {
      problems.push(`products[${index}]: không tìm thấy sản phẩm "${id}" / product "${id}" was not found`)
      return
    }
    const current = pickCurrentCertification(product.certifications)
    if (!current) {
      problems.push(`products[${index}]: “${product.title}” chưa có chứng nhận OCOP / has no OCOP certificate`)
      return
    }
    if (input.province_code && current.province_code !== input.province_code) {
      const theirs = provinceName(current.province_code)
      const ours = provinceName(input.province_code)
      // Official names ("Tỉnh Thanh Hóa", "Thành phố Huế") carry their own type word.
      problems.push(`products[${index}]: “${product.title}” thuộc ${theirs}, không phải ${ours} / belongs to ${theirs}, not ${ours}`)
    }
  })
  if (problems.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
  return new StepResponse(undefined)
})
