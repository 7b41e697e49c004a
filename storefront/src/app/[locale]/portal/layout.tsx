import type { Metadata } from "next"
import { getTranslations } from "next-intl/server"
import { Link } from "@/i18n/link"
import { ClientTexts } from "@/components/client-texts"

export const metadata: Metadata = { robots: { index: false } }

/** The producer portal: its own navigation under the shop's header, phone-first like the shop. */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("portal")
  return (
    <div className="portal">
      <nav aria-label={t("nav")} className="portal-nav">
        <Link href="/portal">{t("dashboard")}</Link>
        <Link href="/portal/orders">{t("orders")}</Link>
        <Link href="/portal/payouts">{t("payouts")}</Link>
        <Link href="/portal/lots">{t("lots")}</Link>
      </nav>
      <ClientTexts namespaces={["portal", "portalLots"]}>{children}</ClientTexts>
    </div>
  )
}
