import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { listProducerLots } from "@/lib/data/lots"
import { formatDate } from "@/lib/format"
import { signedIn } from "../signed-in"

export const dynamic = "force-dynamic"

/** The producer's lots: code, product, dates, scans and the counterfeit flags the backend raises. */
export default async function PortalLotsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("portalLots")
  const lots = await signedIn(locale, () => listProducerLots())
  return (
    <article>
      <h1>{t("title")}</h1>
      <p>
        <Link href="/portal/lots/new" className="button-primary">
          {t("new")}
        </Link>
      </p>
      {!lots.length ? <p>{t("none")}</p> : null}
      <ul className="portal-orders" data-testid="portal-lots">
        {lots.map((lot) => (
          <li key={lot.id} className="portal-order">
            <h2>
              <Link href={`/portal/lots/${lot.id}`}>
                {lot.product_title ?? ""} · {t("lotCode", { code: lot.code })}
              </Link>
            </h2>
            <p>
              {t("madeOnShort", { date: formatDate(lot.made_on, locale) })} · {t("scans", { count: lot.scan_count })} ·{" "}
              {lot.status === "recalled" ? <strong>{t("statusRecalled")}</strong> : t("statusActive")}
            </p>
            {lot.flags.length ? (
              <p className="lot-flags" role="note">
                {lot.flags.map((flag) => (t.has(`flags.${flag}`) ? t(`flags.${flag}`) : flag)).join(" · ")}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </article>
  )
}
