import type { Metadata, Viewport } from "next"
import { notFound } from "next/navigation"
import { hasLocale } from "next-intl"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { ErrorTextsProvider } from "@/components/error-texts"
import { routing } from "@/i18n/routing"
import { CartCount } from "@/components/cart-count"
import { SearchBox } from "@/components/search-box"
import { LocaleSwitch } from "@/components/locale-switch"
import { DEFAULT_OG_IMAGE, siteUrl } from "@/lib/seo"
import "../globals.css"

// Nothing is prerendered at build time (the build needs no running backend); each page is rendered on its first
// visit and then served from the shared cache until the backend revalidates the catalogue.
export function generateStaticParams() {
  return []
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#2f5d1e" }

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params
  const t = await getTranslations({ locale, namespace: "site" })
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: t("title"), template: `%s · ${t("name")}` },
    description: t("description"),
    openGraph: {
      siteName: t("name"),
      locale: locale === "vi" ? "vi_VN" : "en_US",
      type: "website",
      images: [{ url: DEFAULT_OG_IMAGE, width: 1200, height: 630 }],
    },
  }
}

export default async function LocaleLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params
  if (!hasLocale(routing.locales, locale)) notFound()
  setRequestLocale(locale)
  const t = await getTranslations("site")
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="skip-link">
          {t("skip")}
        </a>
        {/* No translation runtime in the browser here: client components get their texts translated on the server. */}
        <ErrorTextsProvider
          texts={{ title: t("error"), lead: t("errorLead"), retry: t("retry"), catalogue: t("nav.catalogue"), catalogueHref: `/${locale}/search` }}
        >
          <header className="site-header">
            <div className="header-row">
              <Link href="/" className="logo">
                {t("name")}
              </Link>
              <nav aria-label={t("mainNav")} className="main-nav">
                <Link href="/search">{t("nav.catalogue")}</Link>
                <Link href="/provinces">{t("nav.provinces")}</Link>
                {/* Rendered per buyer and never cached: prefetching them from every catalogue page in view would
                    render both on the server for each page shown. They load when followed. */}
                <Link href="/account" prefetch={false}>
                  {t("nav.account")}
                </Link>
                <Link href="/cart" className="cart-link" prefetch={false}>
                  {t("nav.cart")} <CartCount />
                </Link>
                <LocaleSwitch />
              </nav>
            </div>
            <SearchBox />
          </header>
          <main id="main">{children}</main>
          <footer className="site-footer">
            <p>{t("footer")}</p>
          </footer>
        </ErrorTextsProvider>
      </body>
    </html>
  )
}
