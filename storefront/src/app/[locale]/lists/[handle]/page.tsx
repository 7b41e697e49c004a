import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { Photo } from "@/components/photo"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { ProductCard, ProductGrid } from "@/components/product-card"
import { getFeaturedList } from "@/lib/data/catalog"
import { buildItemListJsonLd, toCardHit } from "@/lib/featured-lists"
import { alternates, DEFAULT_OG_IMAGE, jsonLd, siteUrl } from "@/lib/seo"

type Props = { params: Promise<{ locale: string; handle: string }> }

// Cached under the catalogue tag (getFeaturedList): the backend drops it when a list changes.
export const revalidate = 3600
export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, handle } = await params
  const list = await getFeaturedList(handle)
  if (!list) return {}
  const t = await getTranslations({ locale, namespace: "lists" })
  const description = list.description ?? t("defaultDescription", { title: list.title, count: list.products.length })
  return {
    title: list.title,
    description,
    alternates: alternates(locale, `/lists/${handle}`),
    openGraph: { title: list.title, description, images: [list.cover?.url ?? DEFAULT_OG_IMAGE] },
  }
}

export default async function FeaturedListPage({ params }: Props) {
  const { locale, handle } = await params
  setRequestLocale(locale)
  const list = await getFeaturedList(handle)
  if (!list) notFound()
  const t = await getTranslations("lists")
  return (
    <article>
      <script type="application/ld+json" dangerouslySetInnerHTML={jsonLd(buildItemListJsonLd(list, siteUrl(), locale))} />
      {list.cover ? (
        <div className="featured-list-cover">
          <Photo src={list.cover.url} alt="" fill sizes="100vw" priority />
        </div>
      ) : null}
      <h1>{list.title}</h1>
      <p className="lead">
        {list.province ? <Link href={`/provinces/${list.province.code}`}>{t("byProvince", { province: list.province.name })}</Link> : t("national")}
      </p>
      {list.description ? <p>{list.description}</p> : null}
      <h2>{t("products", { count: list.products.length })}</h2>
      <ProductGrid>
        {/* Without a cover the first row's photos (two on a phone) are the largest paint: both are fetched first, not lazily. */}
        {list.products.map((product, i) => (
          <ProductCard key={product.id} hit={toCardHit(product)} priority={!list.cover && i < 2} />
        ))}
      </ProductGrid>
    </article>
  )
}
