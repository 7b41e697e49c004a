import { getTranslations, setRequestLocale } from "next-intl/server"
import { CuratorLoginForm } from "@/components/curator/forms"

export const dynamic = "force-dynamic"

export default async function CuratorLoginPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("curator")
  return (
    <article className="login-page">
      <h1>{t("loginTitle")}</h1>
      <p className="lead">{t("loginLead")}</p>
      <CuratorLoginForm />
    </article>
  )
}
