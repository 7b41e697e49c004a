import { STAR_TIERS_HIGH_FIRST } from "@ocop/domain"
import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { localizePath } from "@/i18n/paths"
import { ProductCard, ProductGrid } from "@/components/product-card"
import { FeaturedListSection } from "@/components/featured-list-section"
import { ProvinceMap } from "@/components/province-map"
import { listFeaturedLists, listProductGroups, listProvinces, searchProductsBy } from "@/lib/data/catalog"
import { alternates } from "@/lib/seo"

export const revalidate = 3600

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params
  return { alternates: alternates(locale, "") }
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("home")
  const [provinces, groups, fiveStar, lists] = await Promise.all([
    listProvinces(),
    listProductGroups(),
    searchProductsBy({ stars: "5,4", sort: "-stars", limit: 60 }),
    listFeaturedLists(),
  ])
  const sectors = groups.filter((g) => g.level === "sector")
  // The curated lists (national first) when any is running; otherwise the best-rated products of the provinces with
  // the most of them.
  const byProvince = new Map<string, typeof fiveStar.hits>()
  for (const hit of fiveStar.hits) {
    if (!hit.province) continue
    const list = byProvince.get(hit.province.code) ?? []
    if (list.length < 4) list.push(hit)
    byProvince.set(hit.province.code, list)
  }
  const featured = lists.length ? [] : [...byProvince.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, 4)
  const withProducts = provinces.filter((p) => p.product_count > 0)

  return (
    <>
      <section className="hero">
        <h1>{t("title")}</h1>
        <p>{t("lead")}</p>
      </section>

      <section aria-labelledby="by-stars">
        <h2 id="by-stars">{t("byStars")}</h2>
        <ul className="chip-list">
          {STAR_TIERS_HIGH_FIRST.map((stars) => (
            <li key={stars}>
              <Link href={`/search?stars=${stars}`} className="chip">
                {t("starTier", { stars })}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="by-group">
        <h2 id="by-group">{t("byGroup")}</h2>
        <ul className="group-list">
          {sectors.map((g) => (
            <li key={g.code}>
              <Link href={`/search?group=${g.code}`}>{t(`groups.${g.code}` as never)}</Link>
            </li>
          ))}
        </ul>
      </section>

      {lists.map((list, i) => (
        <FeaturedListSection key={list.id} list={list} priority={i === 0} />
      ))}

      {featured.map(([code, hits]) => (
        <section key={code} aria-labelledby={`featured-${code}`}>
          <h2 id={`featured-${code}`}>
            <Link href={`/provinces/${code}`}>{t("featuredIn", { province: hits[0].province!.name })}</Link>
          </h2>
          <ProductGrid>
            {hits.map((hit, i) => (
              <ProductCard key={hit.id} hit={hit} priority={i === 0 && code === featured[0][0]} />
            ))}
          </ProductGrid>
        </section>
      ))}

      <section aria-labelledby="by-province" className="province-section">
        <h2 id="by-province">{t("byProvince")}</h2>
        <div className="province-layout">
          <ProvinceMap
            provinces={provinces}
            title={t("mapTitle")}
            hrefFor={(c) => localizePath(`/provinces/${c}`, locale)}
            countLabel={(count) => t("productCount", { count })}
          />
          <ul className="province-list">
            {withProducts.map((p) => (
              <li key={p.code}>
                <Link href={`/provinces/${p.code}`}>{p.name}</Link> <span>({p.product_count})</span>
              </li>
            ))}
          </ul>
        </div>
      </section>
    </>
  )
}
