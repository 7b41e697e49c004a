import { getTranslations, setRequestLocale } from "next-intl/server"
import { readCuratorMe } from "@/lib/data/curator"
import { signedIn } from "../signed-in"

export const dynamic = "force-dynamic"

/**
 * The register downloads. The links go to the shop's own route handler, which forwards the session's token (an
 * httpOnly cookie the browser cannot send to the backend) and keeps the backend's filename.
 */
export default async function CuratorExportsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("curator.exports")
  // Only to send a signed-out visitor to the sign-in page before offering downloads that would fail.
  await signedIn(locale, () => readCuratorMe())
  return (
    <article>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <ul className="export-links">
        <li>
          <a href="/api/curator/exports/register.xlsx" download className="button-primary">
            {t("xlsx")}
          </a>
        </li>
        <li>
          <a href="/api/curator/exports/register.csv" download className="button-secondary">
            {t("csv")}
          </a>
          <p className="hint">{t("csvHint")}</p>
        </li>
      </ul>
    </article>
  )
}
