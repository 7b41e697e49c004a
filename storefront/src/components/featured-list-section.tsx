import { getTranslations } from "next-intl/server"
import { Link } from "@/i18n/link"
import type { FeaturedList } from "@ocop/contracts"
import { toCardHit } from "@/lib/featured-lists"
import { ProductCard, ProductGrid } from "./product-card"

/** A featured list on the home or a province page: its title (to the list's page) and its first products. */
export async function FeaturedListSection({ list, limit = 4, priority = false }: { list: FeaturedList; limit?: number; priority?: boolean }) {
  const t = await getTranslations("lists")
  const id = `list-${list.id}`
  return (
    <section aria-labelledby={id} className="featured-list" data-testid="featured-list">
      <h2 id={id}>
        <Link href={`/lists/${list.handle}`}>{list.title}</Link>
      </h2>
      {list.description ? <p className="lead">{list.description}</p> : null}
      <ProductGrid>
        {list.products.slice(0, limit).map((product, i) => (
          <ProductCard key={product.id} hit={toCardHit(product)} priority={priority && i === 0} />
        ))}
      </ProductGrid>
      {list.products.length > limit ? (
        <p>
          <Link href={`/lists/${list.handle}`}>{t("seeAll", { count: list.products.length, title: list.title })}</Link>
        </p>
      ) : null}
    </section>
  )
}
