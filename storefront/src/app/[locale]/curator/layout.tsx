import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { Link } from "@/i18n/link"
import { ClientTexts } from "@/components/client-texts"

// The console is for provincial offices only: never in search engines.
export const metadata: Metadata = { robots: { index: false, follow: false } }

/** The curator console: its own navigation under the shop's header, phone-first like the shop. */
export default async function CuratorLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("curator")
  return (
    <div className="portal curator">
      <nav aria-label={t("nav")} className="portal-nav">
        <Link href="/curator">{t("dashboard")}</Link>
        <Link href="/curator/certificates">{t("register")}</Link>
        <Link href="/curator/lots">{t("lotsNav")}</Link>
        <Link href="/curator/claims">{t("claims")}</Link>
        <Link href="/curator/lists">{t("featuredLists")}</Link>
        <Link href="/curator/exports">{t("exportsNav")}</Link>
        <Link href="/curator/imports">{t("importsNav")}</Link>
      </nav>
      <ClientTexts namespaces={["curator"]}>{children}</ClientTexts>
    </div>
  )
}
