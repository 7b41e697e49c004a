import { CURATOR_LOT_FILTERS } from "@ocop/contracts"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { LotRecallForm } from "@/components/curator/lot-recall-form"
import { Link } from "@/i18n/link"
import { listProvinceLots } from "@/lib/data/curator"
import { LOT_PAGE_SIZE, lotListQuery, type LotListQuery } from "@/lib/curator/schemas"
import { formatDate } from "@/lib/format"
import { signedIn } from "../signed-in"

export const dynamic = "force-dynamic"

/** The list's state lives in the URL, so a filtered page can be bookmarked and shared. */
function listHref(query: LotListQuery) {
  const params: Record<string, string> = {}
  if (query.filter !== "all") params.filter = query.filter
  if (query.page > 1) params.page = String(query.page)
  return { pathname: "/curator/lots", query: params }
}

/**
 * The province's lots for its curators: whose they are, their dates, scans of the last 30 days, counterfeit flags
 * and recalls, each linking to its public scan page; an active lot can be recalled here with a reason.
 */
export default async function CuratorLotsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("curator")
  const tl = await getTranslations("portalLots")
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))
  const query = lotListQuery.parse(raw)
  const list = await signedIn(locale, () => listProvinceLots(query.filter, query.page, LOT_PAGE_SIZE))
  const pages = Math.max(1, Math.ceil(list.count / LOT_PAGE_SIZE))
  const day = (value: string | null) => (value ? formatDate(value, locale) : "—")
  return (
    <article>
      <h1>{t("lotsPageTitle")}</h1>
      <p className="hint">
        {t("lotsPageLead", { flagged: list.summary.flagged_lots, recalled: list.summary.recalled_lots })}{" "}
        {t("lotScansSince", { date: formatDate(list.scans_since, locale) })}
      </p>
      <nav aria-label={t("lotFilters")} className="pagination lot-filters">
        {CURATOR_LOT_FILTERS.map((filter) =>
          filter === query.filter ? (
            <strong key={filter} aria-current="page">
              {t(`lotFilter.${filter}`)}
            </strong>
          ) : (
            <Link key={filter} href={listHref({ filter, page: 1 })}>
              {t(`lotFilter.${filter}`)}
            </Link>
          )
        )}
      </nav>
      {list.lots.length ? (
        <ul className="portal-orders" data-testid="curator-lots">
          {list.lots.map((lot) => (
            <li key={lot.id} className="portal-order" data-lot-code={lot.code}>
              <h2>
                {lot.product_title ?? lot.product_id} · {tl("lotCode", { code: lot.code })}
              </h2>
              <dl className="facts">
                <dt>{t("lotProducer")}</dt>
                <dd>{lot.producer_name ?? "—"}</dd>
                <dt>{tl("madeOn")}</dt>
                <dd>{day(lot.made_on)}</dd>
                <dt>{tl("bestBefore")}</dt>
                <dd>{day(lot.best_before)}</dd>
                <dt>{t("lotScans30")}</dt>
                <dd>{lot.scans_30_days}</dd>
                <dt>{t("lotState")}</dt>
                <dd>{lot.status === "recalled" ? tl("isRecalled", { reason: lot.recall_reason ?? "—" }) : tl("statusActive")}</dd>
              </dl>
              {lot.flags.length ? (
                <ul className="lot-flags">
                  {lot.flags.map((flag) => (
                    <li key={flag}>{tl.has(`flags.${flag}`) ? tl(`flags.${flag}`) : flag}</li>
                  ))}
                </ul>
              ) : null}
              <p>
                <Link href={`/lots/${lot.public_code}`}>{tl("publicPage")}</Link>
              </p>
              {lot.status === "active" ? <LotRecallForm lotId={lot.id} lotCode={lot.code} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t(`lotsEmpty.${query.filter}`)}</p>
      )}
      {pages > 1 ? (
        <nav aria-label={t("pagination")} className="pagination">
          {query.page > 1 ? <Link href={listHref({ ...query, page: query.page - 1 })}>{t("previous")}</Link> : null}
          <span>{t("page", { page: query.page, pages })}</span>
          {query.page < pages ? <Link href={listHref({ ...query, page: query.page + 1 })}>{t("next")}</Link> : null}
        </nav>
      ) : null}
    </article>
  )
}
