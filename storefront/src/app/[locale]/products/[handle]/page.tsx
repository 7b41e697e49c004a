import type { Metadata } from "next"
import { Photo } from "@/components/photo"
import { notFound } from "next/navigation"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { AddToCart } from "@/components/add-to-cart"
import { CertificateFacts } from "@/components/certificate-facts"
import { ProductCard, ProductGrid } from "@/components/product-card"
import { SectorPlaceholder } from "@/components/sector-placeholder"
import { StarBadge } from "@/components/stars"
import { describeListing, sectorDesign } from "@/lib/showcase"
import { certificationClaim, describeCertificate } from "@/lib/certificate-display"
import { getProduct, searchProductsBy } from "@/lib/data/catalog"
import { formatDate, formatVnd } from "@/lib/format"
import type { ProductDetail } from "@ocop/contracts"
import { alternates, DEFAULT_OG_IMAGE, jsonLd, siteUrl } from "@/lib/seo"

type Props = { params: Promise<{ locale: string; handle: string }> }

// Rendered on first visit, then served from cache until the backend revalidates the catalogue tag.
export const revalidate = 3600
export function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, handle } = await params
  const product = await getProduct(handle)
  if (!product) return {}
  const t = await getTranslations({ locale, namespace: "product" })
  const stars = product.ocop && describeCertificate(product.ocop).badge ? product.ocop.stars : null
  const description = stars
    ? t("metaDescription", { title: product.title, stars, province: product.ocop?.origin.province?.name ?? "" })
    : (product.description ?? product.title)
  return {
    title: product.title,
    description,
    alternates: alternates(locale, `/products/${handle}`),
    openGraph: { title: product.title, description, images: [{ url: product.thumbnail ?? DEFAULT_OG_IMAGE }], type: "website" },
  }
}

function productJsonLd(product: ProductDetail, locale: string) {
  const cert = product.ocop
  const claim = cert ? certificationClaim(cert) : null
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    description: product.description ?? undefined,
    image: product.images.map((i) => i.url),
    url: `${siteUrl()}/${locale}/products/${product.handle}`,
    brand: product.producer ? { "@type": "Organization", name: product.producer.name } : undefined,
    countryOfOrigin: "VN",
    // No badge, no claim; a certificate of unknown validity is claimed without any validity dates.
    hasCertification:
      cert && claim
        ? {
            ...claim,
            issuedBy: {
              "@type": "Organization",
              name: cert.certifying_level === "national" ? "Hội đồng OCOP Trung ương" : `Hội đồng OCOP ${cert.origin.province?.name ?? ""}`,
            },
            url: `${siteUrl()}/${locale}/certificates/${cert.id}`,
          }
        : undefined,
    offers: product.variants
      .filter((v) => v.price)
      .map((v) => ({
        "@type": "Offer",
        name: v.title,
        price: v.price!.amount,
        priceCurrency: "VND",
        availability: "https://schema.org/InStock",
        url: `${siteUrl()}/${locale}/products/${product.handle}`,
      })),
  }
}

export default async function ProductPage({ params }: Props) {
  const { locale, handle } = await params
  setRequestLocale(locale)
  const product = await getProduct(handle)
  if (!product) notFound()
  const t = await getTranslations("product")
  const tOcop = await getTranslations("ocop")
  const cert = product.ocop
  const display = cert ? describeCertificate(cert) : null
  const origin = cert?.origin
  // Every rating the lists recorded (first rating, re-rating, upgrade …), oldest first, across certificates.
  const history = (product.certification_history ?? [])
    .flatMap((c) =>
      (c.rating_history ?? []).map((event) => ({
        ...event,
        decision_number: event.decision_number ?? c.decision_number,
        decision_date: event.decision_date ?? c.decision_date,
      }))
    )
    .sort((a, b) => String(a.decision_date ?? a.recorded_at).localeCompare(String(b.decision_date ?? b.recorded_at)))
  const [sameProducer, sameProvince] = await Promise.all([
    product.producer ? searchProductsBy({ producer_id: product.producer.id, limit: 5, sort: "-stars" }) : null,
    origin?.province ? searchProductsBy({ province: origin.province.code, limit: 5, sort: "-stars" }) : null,
  ])
  const related = [...(sameProducer?.hits ?? []), ...(sameProvince?.hits ?? [])]
    .filter((h, i, all) => h.id !== product.id && all.findIndex((o) => o.id === h.id) === i)
    .slice(0, 4)
  const images = product.images.length ? product.images : product.thumbnail ? [{ id: "thumb", url: product.thumbnail }] : []
  const listing = describeListing({
    buyable: product.variants.some((v) => v.price),
    price: product.price_from,
    certificationStatus: cert?.status,
    hasProducer: Boolean(product.producer),
  })
  const groupCode = cert?.product_group?.code ?? null
  const { sector } = sectorDesign(groupCode)
  const producer = product.producer

  return (
    <article className="product-page">
      <script type="application/ld+json" dangerouslySetInnerHTML={jsonLd(productJsonLd(product, locale))} />
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <Link href="/">{t("home")}</Link> ›{" "}
        {origin?.province ? <Link href={`/provinces/${origin.province.code}`}>{origin.province.name}</Link> : null}
      </nav>
      <div className="product-main">
        <div className="gallery">
          {images.length === 0 ? (
            <div className="gallery-main">
              <SectorPlaceholder
                groupCode={groupCode}
                label={t("placeholder", { sector: sector ? t(`sectors.${sector}` as never) : t("sectors.other") })}
              />
            </div>
          ) : null}
          {images.map((image, i) => (
            <div key={image.id} className={i === 0 ? "gallery-main" : "gallery-thumb"}>
              <Photo
                src={image.url}
                alt={i === 0 ? product.title : t("photoOf", { title: product.title, n: i + 1 })}
                fill
                sizes={i === 0 ? "(max-width: 768px) 100vw, 560px" : "120px"}
                priority={i === 0}
              />
            </div>
          ))}
        </div>
        <div className="product-info">
          <h1>{product.title}</h1>
          <StarBadge stars={cert?.stars ?? null} badge={display?.badge ?? null} proposedFiveStar={display?.proposedFiveStar} size="large" />
          {listing.lapsed && cert ? (
            <p className="lapsed-notice" data-testid="lapsed-notice">
              {t("lapsed", { status: tOcop(`statuses.${cert.status}` as never) })}
            </p>
          ) : null}
          {listing.showPrice && product.price_from ? (
            <>
              <p className="price" data-testid="product-price">
                {formatVnd(product.price_from.amount)}
              </p>
              <AddToCart variants={product.variants} inStock={product.variants.some((v) => v.price)} />
            </>
          ) : (
            <section className="showcase-box" aria-labelledby="showcase-heading" data-testid="showcase-box">
              <h2 id="showcase-heading" className="price" data-testid="product-price">
                {t("notSoldOnline")}
              </h2>
              <p>{t("showcaseLead")}</p>
              {producer && (producer.phone || producer.email || producer.website || producer.address) ? (
                <ul className="producer-contact" aria-label={t("contact")}>
                  {producer.phone ? (
                    <li>
                      {t("phone")}: <a href={`tel:${producer.phone.replace(/[^\d+]/g, "")}`}>{producer.phone}</a>
                    </li>
                  ) : null}
                  {producer.email ? (
                    <li>
                      {t("email")}: <a href={`mailto:${producer.email}`}>{producer.email}</a>
                    </li>
                  ) : null}
                  {producer.website && /^https?:\/\//.test(producer.website) ? (
                    <li>
                      <a href={producer.website} rel="nofollow noopener" target="_blank">
                        {producer.website}
                      </a>
                    </li>
                  ) : null}
                  {producer.address ? <li>{producer.address}</li> : null}
                </ul>
              ) : null}
              {listing.showClaim && producer ? (
                <Link href={`/portal/claim?producer=${producer.handle}`} className="claim-link" data-testid="claim-link">
                  {t("claimListing")}
                </Link>
              ) : null}
            </section>
          )}
          {cert ? (
            <section className="certificate-box" aria-labelledby="cert-heading">
              <h2 id="cert-heading">{t("certificate")}</h2>
              <CertificateFacts certification={cert} locale={locale} />
              {/* A single first rating only repeats the facts above; a re-rated product lists every rating. */}
              {history.length > 1 ? (
                <>
                  <h3>{tOcop("history")}</h3>
                  <ol className="rating-history" data-testid="rating-history">
                    {history.map((event, i) => (
                      <li key={i}>
                        {tOcop(`events.${event.kind}` as never)}
                        {event.stars !== null ? ` · ${tOcop("starsValue", { stars: event.stars })}` : ""}
                        {event.decision_number ? ` · ${event.decision_number}` : ""}
                        {event.decision_date ? ` (${formatDate(event.decision_date, locale)})` : ""}
                        {event.note ? ` — ${event.note}` : ""}
                      </li>
                    ))}
                  </ol>
                </>
              ) : null}
              <Link href={`/certificates/${cert.id}`} className="certificate-link">
                {t("verifyCertificate")}
              </Link>
            </section>
          ) : null}
          {origin ? (
            <section aria-labelledby="origin-heading">
              <h2 id="origin-heading">{t("origin")}</h2>
              <p>
                {[origin.commune?.name, origin.province?.name].filter(Boolean).join(", ")}
                {origin.formerly ? <span className="formerly"> ({t("formerly", { place: origin.formerly })})</span> : null}
              </p>
            </section>
          ) : null}
        </div>
      </div>

      {product.description ? (
        <section aria-labelledby="description-heading">
          <h2 id="description-heading">{t("description")}</h2>
          <p className="description">{product.description}</p>
        </section>
      ) : null}

      {product.producer ? (
        <section className="producer-card" aria-labelledby="producer-heading">
          <h2 id="producer-heading">{t("producer")}</h2>
          <p>
            <Link href={`/producers/${product.producer.handle}`}>{product.producer.name}</Link>
            {product.producer.type ? <span> · {t(`producerType.${product.producer.type}` as never)}</span> : null}
            {product.producer.province ? <span> · {product.producer.province.name}</span> : null}
          </p>
          {/* Sanitised by the backend (markdown → allow-listed HTML) before it is stored in the response. */}
          {product.producer.story_html ? <div className="story" dangerouslySetInnerHTML={{ __html: product.producer.story_html }} /> : null}
        </section>
      ) : null}

      {related.length ? (
        <section aria-labelledby="related-heading">
          <h2 id="related-heading">{t("related")}</h2>
          <ProductGrid>
            {related.map((hit) => (
              <ProductCard key={hit.id} hit={hit} />
            ))}
          </ProductGrid>
        </section>
      ) : null}
    </article>
  )
}
