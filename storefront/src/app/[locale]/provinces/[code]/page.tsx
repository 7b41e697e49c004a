import { STAR_TIERS_HIGH_FIRST } from "@ocop/domain"
import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { FeaturedListSection } from "@/components/featured-list-section"
import { ProductCard, ProductGrid } from "@/components/product-card"
import { listFeaturedLists, listProvinces, searchProductsBy } from "@/lib/data/catalog"
import { alternates } from "@/lib/seo"

type Props = { params: Promise<{ locale: string; code: string }> }

export const revalidate = 3600
export function generateStaticParams() {
  return []
}

async function findProvince(code: string) {
  return (await listProvinces()).find((p) => p.code === code) ?? null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, code } = await params
  const province = await findProvince(code)
  if (!province) return {}
  const t = await getTranslations({ locale, namespace: "province" })
  return { title: t("title", { province: province.name }), alternates: alternates(locale, `/provinces/${code}`) }
}

export default async function ProvincePage({ params }: Props) {
  const { locale, code } = await params
  setRequestLocale(locale)
  const province = await findProvince(code)
  if (!province) notFound()
  const t = await getTranslations("province")
  const [featured, all, lists] = await Promise.all([
    searchProductsBy({ province: code, stars: "5,4", sort: "-stars", limit: 4 }),
    searchProductsBy({ province: code, sort: "-stars", limit: 48 }),
    listFeaturedLists(code),
  ])
  const others = all.hits.filter((h) => !featured.hits.some((f) => f.id === h.id))
  return (
    <article>
      <h1>{t("title", { province: province.name })}</h1>
      {province.former_provinces.length > 1 ? <p className="lead">{t("formedFrom", { list: province.former_provinces.join(", ") })}</p> : null}
      <ul className="chip-list" aria-label={t("countsByStars")}>
        {STAR_TIERS_HIGH_FIRST.map((stars) => (
          <li key={stars}>
            <Link href={`/search?province=${code}&stars=${stars}`} className="chip">
              {t("starCount", { stars, count: province.product_count_by_stars[stars] ?? 0 })}
            </Link>
          </li>
        ))}
      </ul>
      {lists.map((list) => (
        <FeaturedListSection key={list.id} list={list} />
      ))}
      {featured.hits.length ? (
        <section aria-labelledby="featured">
          <h2 id="featured">{t("featured")}</h2>
          <ProductGrid>
            {featured.hits.map((hit, i) => (
              <ProductCard key={hit.id} hit={hit} priority={i === 0} />
            ))}
          </ProductGrid>
        </section>
      ) : null}
      <section aria-labelledby="all">
        <h2 id="all">{t("all", { count: all.count })}</h2>
        {others.length ? (
          <ProductGrid>
            {others.map((hit) => (
              <ProductCard key={hit.id} hit={hit} />
            ))}
          </ProductGrid>
        ) : all.count === 0 ? (
          <p>{t("none")}</p>
        ) : null}
      </section>
    </article>
  )
}
