import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { ProductCard, ProductGrid } from "@/components/product-card"
import { getProducer, searchProductsBy } from "@/lib/data/catalog"
import { alternates } from "@/lib/seo"

type Props = { params: Promise<{ locale: string; handle: string }> }

export const revalidate = 3600
export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, handle } = await params
  const producer = await getProducer(handle)
  return producer ? { title: producer.name, alternates: alternates(locale, `/producers/${handle}`) } : {}
}

export default async function ProducerPage({ params }: Props) {
  const { locale, handle } = await params
  setRequestLocale(locale)
  const producer = await getProducer(handle)
  if (!producer) notFound()
  const t = await getTranslations("producer")
  const portal = await getTranslations("portal")
  const products = await searchProductsBy({ producer_id: producer.id, limit: 48, sort: "-stars" })
  return (
    <article>
      <h1>{producer.name}</h1>
      <p className="lead">
        {producer.type ? t(`types.${producer.type}` as never) : null}
        {producer.province ? ` · ${producer.province.name}` : null}
        {producer.women_led ? ` · ${t("womenLed")}` : null}
        {producer.ethnic_minority_led ? ` · ${t("ethnicMinorityLed")}` : null}
      </p>
      {producer.address ? <p>{producer.address}</p> : null}
      {/* Sanitised by the backend (markdown → allow-listed HTML). */}
      {producer.story_html ? <div className="story" dangerouslySetInnerHTML={{ __html: producer.story_html }} /> : null}
      <h2>{t("products", { count: products.count })}</h2>
      <ProductGrid>
        {products.hits.map((hit) => (
          <ProductCard key={hit.id} hit={hit} />
        ))}
      </ProductGrid>
      <p className="hint">
        <Link href={`/portal/claim?producer=${producer.handle}`}>{portal("claimLink", { producer: producer.name })}</Link>
      </p>
    </article>
  )
}
