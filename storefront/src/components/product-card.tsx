import { Photo } from "@/components/photo"
import { getTranslations } from "next-intl/server"
import { Link } from "@/i18n/link"
import { formatVnd } from "@/lib/format"
import { describeStatus } from "@/lib/certificate-display"
import { describeListing } from "@/lib/showcase"
import type { SearchHit } from "@ocop/contracts"
import { SectorPlaceholder } from "./sector-placeholder"
import { StarBadge } from "./stars"

export async function ProductCard({ hit, priority = false }: { hit: SearchHit; priority?: boolean }) {
  const t = await getTranslations("product")
  const listing = describeListing({
    buyable: hit.buyable,
    price: hit.price,
    certificationStatus: hit.certification_status,
    hasProducer: Boolean(hit.producer),
  })
  return (
    <article className={listing.kind === "showcase" ? "product-card showcase" : "product-card"} data-listing={listing.kind}>
      <Link href={`/products/${hit.handle}`} className="product-card-link">
        <div className="product-card-image">
          {hit.thumbnail ? (
            <Photo src={hit.thumbnail} alt="" fill sizes="(max-width: 640px) 50vw, (max-width: 1024px) 33vw, 240px" priority={priority} />
          ) : (
            <SectorPlaceholder groupCode={hit.sector} />
          )}
        </div>
        <h3 className="product-card-title">{hit.title}</h3>
      </Link>
      <StarBadge stars={hit.stars} badge={describeStatus(hit.certification_status).badge} />
      {listing.showPrice && hit.price ? (
        <p className="product-card-price">{formatVnd(hit.price.amount)}</p>
      ) : (
        <p className="product-card-price not-sold">{t("notSoldOnline")}</p>
      )}
      <p className="product-card-meta">
        {hit.province?.name}
        {hit.producer ? <span> · {hit.producer.name}</span> : null}
        {listing.showPrice && hit.in_stock === false ? <span className="out-of-stock"> · {t("outOfStock")}</span> : null}
      </p>
    </article>
  )
}

export function ProductGrid({ children }: { children: React.ReactNode }) {
  return <div className="product-grid">{children}</div>
}
