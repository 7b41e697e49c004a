import type { MedusaContainer } from "@medusajs/framework/types"
import { STAR_TIERS, type StarTier } from "@ocop/domain"
import { provinces } from "@ocop/domain/places"
import { OCOP_MODULE } from "../../../modules/ocop"
import type OcopModuleService from "../../../modules/ocop/service"
import { listSalesChannelProductIds, resolveQuery } from "../../utils/ocop-catalog"
import { todayInVietnam } from "../../../modules/ocop/dates"

type StarCounts = Record<StarTier, number>

/**
 * The 34 provinces with the products the given sales channels sell: all of them (product_count), those with a
 * valid certificate (certified_count) and those per star tier, plus the pre-2025 provinces each absorbed. Query
 * finds which certificates belong to published products of the channels (links cross modules); the ocop module
 * counts them per province in SQL, with the effective status computed there.
 */
export async function countProvinceProducts(scope: MedusaContainer, salesChannelIds: string[]) {
  const { data: certifications } = await resolveQuery(scope).graph({
    entity: "certification",
    fields: ["id", "product.id", "product.status"],
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
  const pairs = published
    .filter((c: Record<string, any>) => sold.has(c.product.id))
    .map((c: Record<string, any>) => ({ certification_id: c.id as string, product_id: c.product.id as string }))
  const ocop: OcopModuleService = scope.resolve(OCOP_MODULE)
  const counts = new Map((await ocop.countCertificationsByProvince(pairs, todayInVietnam())).map((c) => [c.province_code, c]))
  return {
    provinces: provinces.map((p) => {
      const entry = counts.get(p.code)
      const byStars = Object.fromEntries(STAR_TIERS.map((stars) => [stars, entry?.certified_by_stars[stars] ?? 0])) as StarCounts
      return {
        code: p.code,
        name: p.name,
        short_name: p.shortName,
        former_provinces: p.formerProvinces.map((o) => o.name),
        product_count: entry?.product_count ?? 0,
        certified_count: STAR_TIERS.reduce((sum, stars) => sum + byStars[stars], 0),
        product_count_by_stars: byStars,
      }
    }),
  }
}
