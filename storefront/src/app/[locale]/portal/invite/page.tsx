import { getTranslations, setRequestLocale } from "next-intl/server"
import { InviteForm } from "@/components/portal/invite-form"

export const dynamic = "force-dynamic"

export default async function PortalInvitePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ token?: string }>
}) {
  const { locale } = await params
  setRequestLocale(locale)
  const { token } = await searchParams
  const t = await getTranslations("portal")
  return (
    <article className="login-page">
      <h1>{t("inviteTitle")}</h1>
      <p className="lead">{t("inviteLead")}</p>
      {token ? <InviteForm token={token} /> : <p className="form-error">{t("inviteMissing")}</p>}
    </article>
  )
}
