import { STAR_TIERS } from "@ocop/domain"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/navigation"
import { BarChart } from "@/components/curator/bar-chart"
import { readCuratorDashboard, readCuratorMe } from "@/lib/data/curator"
import { formatDate } from "@/lib/format"
import { signedIn } from "./signed-in"
import { SignOut } from "./sign-out"

export const dynamic = "force-dynamic"

export default async function CuratorDashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("curator")
  const [me, dashboard] = await signedIn(locale, () => Promise.all([readCuratorMe(), readCuratorDashboard()]))
  const { products, certificates } = dashboard
  const chartTexts = (title: string) => ({ title, tableLabel: t("chartTable", { title }), showTable: t("showTable"), categoryLabel: t("category"), countLabel: t("count") })
  const health = [
    { label: t("expiring30", { date: formatDate(certificates.expiring_before["30"], locale) }), value: certificates.expiring_within_30_days, status: "active", sort: "valid_until" },
    { label: t("expiring90", { date: formatDate(certificates.expiring_before["90"], locale) }), value: certificates.expiring_within_90_days, status: "active", sort: "valid_until" },
    { label: t("expired"), value: certificates.expired, status: "expired" },
    { label: t("revoked"), value: certificates.revoked, status: "revoked" },
    { label: t("unknownValidity"), value: certificates.unknown_validity, status: "unknown_validity" },
  ]
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
      <div className="chart-grid">
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
