import type { MedusaContainer } from "@medusajs/framework/types"
import { isCertifiedStatus, STAR_TIERS, type StarTier } from "@ocop/domain"
import { provinces } from "@ocop/domain/places"
import { listSalesChannelProductIds, resolveQuery } from "../../utils/ocop-catalog"
import { effectiveStatus } from "../../utils/present-ocop"
import { todayInVietnam } from "../../../modules/ocop/dates"

type StarCounts = Record<StarTier, number>
const noStars = () => Object.fromEntries(STAR_TIERS.map((stars) => [stars, 0])) as StarCounts

/**
 * The 34 provinces with the products the given sales channels sell: all of them (product_count), those with a
 * valid certificate (certified_count) and those per star tier, plus the pre-2025 provinces each absorbed.
 */
export async function countProvinceProducts(scope: MedusaContainer, salesChannelIds: string[]) {
  const today = todayInVietnam()
  const { data: certifications } = await resolveQuery(scope).graph({
    entity: "certification",
    fields: ["id", "stars", "status", "valid_until", "province_code", "product.id", "product.status"],
    filters: { status: { $ne: "superseded" } },
  })
  const published = certifications.filter((c: Record<string, any>) => c.product?.status === "published")
  const sold = new Set(
    await listSalesChannelProductIds(
      scope,
      salesChannelIds,
      published.map((c: Record<string, any>) => c.product.id)
    )
  )
  const counts = new Map<string, { all: Set<string>; stars: StarCounts }>()
  for (const cert of published) {
    if (!sold.has(cert.product.id)) continue
    const entry = counts.get(cert.province_code) ?? { all: new Set<string>(), stars: noStars() }
    entry.all.add(cert.product.id)
    if (isCertifiedStatus(effectiveStatus(cert, today))) entry.stars[cert.stars as StarTier] += 1
    counts.set(cert.province_code, entry)
  }
  return {
    provinces: provinces.map((p) => {
      const entry = counts.get(p.code)
      const byStars = entry?.stars ?? noStars()
      return {
        code: p.code,
        name: p.name,
        short_name: p.shortName,
        former_provinces: p.formerProvinces.map((o) => o.name),
        product_count: entry?.all.size ?? 0,
        certified_count: STAR_TIERS.reduce((sum, stars) => sum + byStars[stars], 0),
        product_count_by_stars: byStars,
      }
    }),
  }
}
