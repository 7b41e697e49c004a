import { STAR_TIERS_HIGH_FIRST } from "@ocop/domain"
import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { ProductCard, ProductGrid } from "@/components/product-card"
import { searchProducts } from "@/lib/data/catalog"
import { formatVnd } from "@/lib/format"
import { formatSearchState, PAGE_SIZE, parseSearchState, SORTS, toggleStar, withChange, type SearchState } from "@/lib/search-state"
import { alternates } from "@/lib/seo"

/** The search page's metadata, the same whether the page came from the shared cache or was rendered per request. */
export async function searchMetadata(locale: string, state: SearchState): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: "search" })
  return {
    title: state.q ? t("titleFor", { q: state.q }) : t("title"),
    alternates: alternates(locale, `/search${formatSearchState(state)}`),
    // Filtered variants of the catalogue are not worth indexing one by one; the products are.
    robots: state.q || state.page > 1 ? { index: false, follow: true } : undefined,
  }
}

/** Results, facets, sort and pagination of one search state (every state is a URL: works without JavaScript). */
export async function SearchView({ locale, state }: { locale: string; state: SearchState }) {
  setRequestLocale(locale)
  const t = await getTranslations("search")
  const result = await searchProducts(state)
  const href = (next: SearchState) => `/search${formatSearchState(next)}`
  const pages = Math.max(1, Math.ceil(result.count / PAGE_SIZE))
  const facets = result.facets

  return (
    <div className="search-layout">
      <div className="search-heading">
        <h1>{state.q ? t("titleFor", { q: state.q }) : t("title")}</h1>
        <p role="status" data-testid="result-count">
          {t(result.count_estimated ? "resultCountEstimated" : "resultCount", { count: result.count })}
          {result.corrected_query ? (
            <>
              {" "}
              {t("corrected")} <strong>{result.corrected_query}</strong>
            </>
          ) : null}
        </p>
        <a href="#filters" className="jump-to-filters">
          {t("jumpToFilters")}
        </a>
        <form method="get" className="sort-form">
          {Object.entries(Object.fromEntries(new URLSearchParams(formatSearchState({ ...state, sort: undefined, page: 1 })))).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <label>
            {t("sortLabel")}{" "}
            <select name="sort" defaultValue={state.sort ?? (state.q ? "relevance" : "-stars")}>
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`sort.${s}` as never)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t("apply")}</button>
        </form>
      </div>

      <aside className="facets" id="filters" aria-label={t("filters")}>
        <FacetGroup title={t("facet.stars")}>
          {STAR_TIERS_HIGH_FIRST.map((stars) => {
            const count = facets.stars?.find((f) => Number(f.value) === stars)?.count ?? 0
            const on = state.stars.includes(String(stars))
            return (
              <FacetLink key={stars} href={href(toggleStar(state, String(stars)))} on={on} count={count}>
                {t("starTier", { stars })}
              </FacetLink>
            )
          })}
        </FacetGroup>
        <FacetGroup title={t("facet.province")}>
          {(facets.province ?? []).slice(0, 12).map((f) => (
            <FacetLink
              key={f.code}
              href={href(withChange(state, { province: state.province === f.code ? undefined : f.code }))}
              on={state.province === f.code}
              count={f.count}
            >
              {f.name}
            </FacetLink>
          ))}
        </FacetGroup>
        <FacetGroup title={t("facet.group")}>
          {(facets.group ?? [])
            .filter((f) => f.code.split(".").length <= 2)
            .slice(0, 12)
            .map((f) => (
              <FacetLink
                key={f.code}
                href={href(withChange(state, { group: state.group === f.code ? undefined : f.code }))}
                on={state.group === f.code}
                count={f.count}
              >
                {f.name.charAt(0) + f.name.slice(1).toLocaleLowerCase("vi")}
              </FacetLink>
            ))}
        </FacetGroup>
        <FacetGroup title={t("facet.producerType")}>
          {(facets.producer_type ?? []).map((f) => (
            <FacetLink
              key={String(f.value)}
              href={href(withChange(state, { producer_type: state.producer_type === f.value ? undefined : String(f.value) }))}
              on={state.producer_type === f.value}
              count={f.count}
            >
              {t(`producerType.${f.value}` as never)}
            </FacetLink>
          ))}
        </FacetGroup>
        <FacetGroup title={t("facet.stock")}>
          <FacetLink href={href(withChange(state, { in_stock: state.in_stock ? undefined : true }))} on={!!state.in_stock}>
            {t("inStockOnly")}
          </FacetLink>
          <FacetLink
            href={href(withChange(state, { buyable: state.buyable ? undefined : true }))}
            on={!!state.buyable}
            count={facets.buyable?.find((f) => f.value === true || f.value === "true")?.count ?? 0}
          >
            {t("buyableOnly")}
          </FacetLink>
        </FacetGroup>
        <form method="get" className="price-filter">
          <fieldset>
            <legend>{t("facet.price")}</legend>
            {Object.entries(
              Object.fromEntries(new URLSearchParams(formatSearchState({ ...state, price_min: undefined, price_max: undefined, page: 1 })))
            ).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <label>
              {t("priceMin")}
              <input
                type="number"
                name="price_min"
                min={0}
                step={1000}
                inputMode="numeric"
                defaultValue={state.price_min}
                placeholder={facets.price?.min ? String(facets.price.min) : undefined}
              />
            </label>
            <label>
              {t("priceMax")}
              <input
                type="number"
                name="price_max"
                min={0}
                step={1000}
                inputMode="numeric"
                defaultValue={state.price_max}
                placeholder={facets.price?.max ? String(facets.price.max) : undefined}
              />
            </label>
            <button type="submit">{t("apply")}</button>
          </fieldset>
          {facets.price?.min != null ? (
            <p className="hint">{t("priceRange", { min: formatVnd(facets.price.min), max: formatVnd(facets.price.max) })}</p>
          ) : null}
        </form>
        {formatSearchState({ ...state, q: undefined, sort: undefined, page: 1 }) ? (
          <Link href={href({ ...parseSearchState({}), q: state.q })} className="clear-filters">
            {t("clearFilters")}
          </Link>
        ) : null}
      </aside>

      <section className="results" aria-label={t("results")}>
        {result.hits.length ? (
          <ProductGrid>
            {result.hits.map((hit, i) => (
              <ProductCard key={hit.id} hit={hit} priority={i < 2} />
            ))}
          </ProductGrid>
        ) : (
          <p className="empty">{t("noResults")}</p>
        )}
        {pages > 1 ? (
          <nav aria-label={t("pagination")} className="pagination">
            {state.page > 1 ? (
              <Link href={href({ ...state, page: state.page - 1 })} rel="prev">
                {t("previous")}
              </Link>
            ) : null}
            <span>{t("pageOf", { page: state.page, pages })}</span>
            {state.page < pages ? (
              <Link href={href({ ...state, page: state.page + 1 })} rel="next">
                {t("next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  )
}

function FacetGroup({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="facet-group">
      <h2>{title}</h2>
      <ul>{children}</ul>
    </section>
  )
}

function FacetLink({ href, on, count, children }: { href: string; on: boolean; count?: number; children: React.ReactNode }) {
  return (
    <li>
      {/* No prefetch: each facet is a page of its own in the shared cache, and prefetching the thirty in view would
          render and store thirty searches per page shown. */}
      <Link href={href} aria-current={on ? "true" : undefined} className={on ? "facet on" : "facet"} scroll={false} prefetch={false}>
        <span aria-hidden="true" className="facet-box">
          {on ? "✓" : ""}
        </span>
        {children}
        {count !== undefined ? <span className="facet-count"> ({count})</span> : null}
      </Link>
    </li>
  )
}
