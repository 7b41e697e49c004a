import { getTranslations, setRequestLocale } from "next-intl/server"
import { ProducerLoginForm } from "@/components/portal/login-form"

export const dynamic = "force-dynamic"

export default async function PortalLoginPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("portal")
  return (
    <article className="login-page">
      <h1>{t("loginTitle")}</h1>
      <p className="lead">{t("loginLead")}</p>
      <ProducerLoginForm />
    </article>
  )
}
