import { Photo } from "@/components/photo"
import { notFound } from "next/navigation"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { ListingForm, PackSizeForm, PhotoForm } from "@/components/portal/listing-forms"
import { deletePhoto } from "@/lib/actions/portal"
import { readProducerProduct } from "@/lib/data/producer"
import { formatDate } from "@/lib/format"
import { signedIn } from "../../signed-in"

export const dynamic = "force-dynamic"

export default async function PortalProductPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params
  setRequestLocale(locale)
  const t = await getTranslations("portal")
  // Another producer's id answers 404 from the backend, so it is simply not found here either.
  const product = await signedIn(locale, () => readProducerProduct(id).catch((e) => (e?.status === 404 ? null : Promise.reject(e))))
  if (!product) notFound()
  return (
    <article className="portal-product-page">
      <Link href="/portal">← {t("dashboard")}</Link>
      <h1>{product.title}</h1>
      {product.certification ? (
        <p className="hint">
          {t("certificateReadOnly", {
            stars: product.certification.stars,
            decision: product.certification.decision_number ?? "—",
            until: formatDate(product.certification.valid_until, locale),
          })}
        </p>
      ) : null}
      {product.status === "published" ? <Link href={`/products/${product.handle}`}>{t("viewInShop")}</Link> : null}
      <ListingForm product={product} />
      <section aria-labelledby="pack-size-heading">
        <h2 id="pack-size-heading">{t("packSizes")}</h2>
        <PackSizeForm productId={product.id} first={!product.variants.some((v) => v.price_vnd !== null && v.price_vnd !== undefined)} />
      </section>
      <section aria-labelledby="photos-heading">
        <h2 id="photos-heading">{t("photos")}</h2>
        <ul className="portal-photos">
          {product.images.map((image) => (
            <li key={image.id}>
              <Photo src={image.url} alt={t("photoOf", { title: product.title })} width={120} height={120} />
              <form action={deletePhoto}>
                <input type="hidden" name="product_id" value={product.id} />
                <input type="hidden" name="image_id" value={image.id} />
                <button type="submit" className="link-button">
                  {t("deletePhoto")}
                </button>
              </form>
            </li>
          ))}
        </ul>
        <PhotoForm productId={product.id} />
      </section>
    </article>
  )
}
