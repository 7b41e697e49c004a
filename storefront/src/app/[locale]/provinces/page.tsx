import { STAR_TIERS_HIGH_FIRST } from "@ocop/domain"
import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { localizePath } from "@/i18n/paths"
import { ProvinceMap } from "@/components/province-map"
import { listProvinces } from "@/lib/data/catalog"
import { alternates } from "@/lib/seo"

export const revalidate = 3600

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params
  const t = await getTranslations({ locale, namespace: "province" })
  return { title: t("listTitle"), alternates: alternates(locale, "/provinces") }
}

export default async function ProvincesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("province")
  const home = await getTranslations("home")
  const provinces = await listProvinces()
  return (
    <article>
      <h1>{t("listTitle")}</h1>
      <div className="province-layout">
        <ProvinceMap
          provinces={provinces}
          title={home("mapTitle")}
          hrefFor={(c) => localizePath(`/provinces/${c}`, locale)}
          countLabel={(count) => home("productCount", { count })}
        />
        <table className="province-table">
          <caption className="visually-hidden">{t("listTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("province")}</th>
              <th scope="col">{t("products")}</th>
              {STAR_TIERS_HIGH_FIRST.map((stars) => (
                <th key={stars} scope="col">
                  {stars}★
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {provinces.map((p) => (
              <tr key={p.code}>
                <th scope="row">
                  <Link href={`/provinces/${p.code}`}>{p.name}</Link>
                </th>
                <td>{p.product_count}</td>
                {STAR_TIERS_HIGH_FIRST.map((stars) => (
                  <td key={stars}>{p.product_count_by_stars[stars] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  )
}
