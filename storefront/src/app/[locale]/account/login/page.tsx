import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { AccountForms } from "@/components/account-forms"
import { ClientTexts } from "@/components/client-texts"

// Rendered per buyer (cart and login cookies), never cached.
export const dynamic = "force-dynamic"

export const metadata: Metadata = { robots: { index: false } }

export default async function LoginPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<{ next?: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const { next } = await searchParams
  const t = await getTranslations("account")
  // Only paths of this shop are followed after login.
  const after = next === "checkout" ? `/${locale}/checkout` : undefined
  return (
    <article className="login-page">
      <h1>{t("loginTitle")}</h1>
      <ClientTexts namespaces={["account"]}>
        <AccountForms next={after} />
      </ClientTexts>
    </article>
  )
}
