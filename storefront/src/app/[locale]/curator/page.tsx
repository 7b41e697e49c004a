import { STAR_TIERS } from "@ocop/domain"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { BarChart } from "@/components/curator/bar-chart"
import { DailyChart } from "@/components/curator/daily-chart"
import { readCuratorDashboard, readCuratorMe } from "@/lib/data/curator"
import { formatDate, formatVnd } from "@/lib/format"
import { signedIn } from "./signed-in"
import { SignOut } from "./sign-out"

export const dynamic = "force-dynamic"

export default async function CuratorDashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("curator")
  const [me, dashboard] = await signedIn(locale, () => Promise.all([readCuratorMe(), readCuratorDashboard()]))
  const { products, certificates, producers, sales_30_days: sales } = dashboard
  const chartTexts = (title: string) => ({
    title,
    tableLabel: t("chartTable", { title }),
    showTable: t("showTable"),
    categoryLabel: t("category"),
    countLabel: t("count"),
  })
  const health = [
    {
      label: t("expiring30", { date: formatDate(certificates.expiring_before["30"], locale) }),
      value: certificates.expiring_within_30_days,
      status: "active",
      sort: "valid_until",
    },
    {
      label: t("expiring90", { date: formatDate(certificates.expiring_before["90"], locale) }),
      value: certificates.expiring_within_90_days,
      status: "active",
      sort: "valid_until",
    },
    { label: t("expired"), value: certificates.expired, status: "expired" },
    { label: t("revoked"), value: certificates.revoked, status: "revoked" },
    { label: t("unknownValidity"), value: certificates.unknown_validity, status: "unknown_validity" },
  ]
  const percent = new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB", { style: "percent", maximumFractionDigits: 0 })
  // A share is over the producers who answered: an unknown is never counted as "no".
  const shares = [
    { label: t("womenLedShare"), ...producers.women_led },
    { label: t("ethnicMinorityLedShare"), ...producers.ethnic_minority_led },
  ].map((s) => {
    const known = s.yes + s.no
    return {
      label: s.label,
      text: known ? t("shareOfKnown", { percent: percent.format(s.yes / known), yes: s.yes, known }) : t("noAnswers"),
      unknown: s.unknown,
    }
  })
  const { by_commune: communes } = products
  return (
    <article>
      <div className="console-head">
        <h1>{t("provinces", { names: me.curator.scope === "national" ? t("national") : me.provinces.map((p) => p.name).join(", ") })}</h1>
        <SignOut locale={locale} />
      </div>
      <p className="hint">{me.curator.name ?? me.curator.email}</p>
      <dl className="console-stats">
        <div>
          <dt>{t("productsTotal")}</dt>
          <dd>{products.total}</dd>
        </div>
        <div>
          <dt>{t("certified")}</dt>
          <dd>{products.certified}</dd>
        </div>
        <div>
          <dt>{t("salesOrders")}</dt>
          <dd>{sales.orders}</dd>
        </div>
        <div>
          <dt>{t("salesTotal")}</dt>
          <dd>{formatVnd(sales.total_vnd)}</dd>
        </div>
        <div>
          <dt>{t("pendingClaims")}</dt>
          <dd>
            <Link href="/curator/claims">{dashboard.pending_claims}</Link>
          </dd>
        </div>
      </dl>
      <section aria-labelledby="health-heading" className="portal-cards">
        <h2 id="health-heading">{t("certificateHealth")}</h2>
        <ul className="health-list">
          {health.map((h) => (
            <li key={h.label}>
              <Link href={{ pathname: "/curator/certificates", query: { status: h.status, ...(h.sort ? { sort: h.sort } : {}) } }}>{h.label}</Link>
              <strong>{h.value}</strong>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="lots-heading" className="portal-cards" data-testid="lots-tile">
        <h2 id="lots-heading">{t("lotsTitle")}</h2>
        <ul className="health-list">
          {(
            [
              ["lotsRecorded", dashboard.lots.recorded],
              ["lotScans30", dashboard.lots.scans_30_days],
              ["lotOpenFlags", dashboard.lots.open_flags],
              ["lotsRecalled", dashboard.lots.recalled],
            ] as const
          ).map(([key, value]) => (
            <li key={key}>
              <span>{t(key)}</span>
              <strong>{value}</strong>
            </li>
          ))}
        </ul>
        <p className="hint">{t("lotScansSince", { date: formatDate(dashboard.lots.scans_since, locale) })}</p>
      </section>
      <p className="hint">{t("sales30", { date: formatDate(sales.since, locale) })}</p>
      <section aria-labelledby="producers-heading" className="portal-cards">
        <h2 id="producers-heading">{t("producersTitle")}</h2>
        <ul className="health-list">
          {shares.map((s) => (
            <li key={s.label}>
              <span>{s.label}</span>
              <span>
                <strong>{s.text}</strong>
                <br />
                <small>{t("shareUnknown", { count: s.unknown })}</small>
              </span>
            </li>
          ))}
        </ul>
      </section>
      <div className="chart-grid">
        <DailyChart
          id="chart-sales"
          title={t("salesByDay")}
          tableLabel={t("chartTable", { title: t("salesByDay") })}
          showTable={t("showTable")}
          dayLabel={t("day")}
          ordersLabel={t("salesOrders")}
          valueLabel={t("salesTotal")}
          data={sales.by_day.map((d) => ({
            date: d.date,
            label: formatDate(d.date, locale),
            value: d.total_vnd,
            valueText: formatVnd(d.total_vnd),
            orders: d.orders,
          }))}
        />
        <BarChart
          id="chart-listings"
          {...chartTexts(t("listings"))}
          data={[
            { label: t("onSale"), value: products.listings.on_sale },
            { label: t("showcaseOnly"), value: products.listings.showcase },
            { label: t("unpublished"), value: products.listings.unpublished },
          ]}
        />
        <BarChart
          id="chart-commune"
          {...chartTexts(t("byCommune"))}
          note={t("communeNote")}
          data={[
            ...communes.top.map((c) => ({ label: c.name ?? c.code, value: c.products })),
            ...(communes.other ? [{ label: t("otherCommunes", { count: communes.other_communes }), value: communes.other }] : []),
            { label: t("noCommune"), value: communes.unknown },
          ]}
        />
        <BarChart
          id="chart-stars"
          {...chartTexts(t("byStars"))}
          data={STAR_TIERS.map((stars) => ({ label: t("starsTier", { stars }), value: products.by_stars[stars] ?? 0 }))}
        />
        <BarChart
          id="chart-sector"
          {...chartTexts(t("bySector"))}
          data={products.by_sector.map((s) => ({ label: s.code ? `${s.code}. ${s.name}` : t("noSector"), value: s.products }))}
        />
        <BarChart
          id="chart-type"
          {...chartTexts(t("byProducerType"))}
          data={products.by_producer_type.map((p) => ({
            label: p.type && t.has(`producerType.${p.type}`) ? t(`producerType.${p.type}` as never) : (p.type ?? t("noType")),
            value: p.products,
          }))}
        />
      </div>
    </article>
  )
}
