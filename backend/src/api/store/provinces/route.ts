import type { MedusaStoreRequest, MedusaResponse } from "@medusajs/framework/http"
import { provinces } from "@ocop/seed"
import { listSalesChannelProductIds, resolveQuery, validCertificationFilter } from "../../utils/ocop-catalog"

type StarCounts = { 3: number; 4: number; 5: number }

/**
 * GET /store/provinces — the 34 provinces with the number of published OCOP products holding a valid
 * certificate, in total and per star tier, plus the pre-2025 provinces each one absorbed.
 */
export const GET = async (req: MedusaStoreRequest, res: MedusaResponse) => {
  const { data: certifications } = await resolveQuery(req.scope).graph({
    entity: "certification",
    fields: ["id", "stars", "province_code", "product.id", "product.status"],
    filters: validCertificationFilter(),
  })
  const published = certifications.filter((c: Record<string, any>) => c.product?.status === "published")
  const sold = new Set(
    await listSalesChannelProductIds(
      req.scope,
      req.publishable_key_context?.sales_channel_ids ?? [],
      published.map((c: Record<string, any>) => c.product.id)
    )
  )
  const counts = new Map<string, StarCounts>()
  for (const cert of published) {
    if (!sold.has(cert.product.id)) continue
    const entry = counts.get(cert.province_code) ?? { 3: 0, 4: 0, 5: 0 }
    entry[cert.stars as 3 | 4 | 5] += 1
    counts.set(cert.province_code, entry)
  }
  res.json({
    provinces: provinces.map((p) => {
      const byStars = counts.get(p.code) ?? { 3: 0, 4: 0, 5: 0 }
      return {
        code: p.code,
        name: p.name,
        short_name: p.shortName,
        former_provinces: p.formerProvinces.map((o) => o.name),
        product_count: byStars[3] + byStars[4] + byStars[5],
        product_count_by_stars: byStars,
      }
    }),
  })
}
