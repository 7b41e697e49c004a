import { getTranslations, setRequestLocale } from "next-intl/server"
import { CuratorInviteForm } from "@/components/curator/forms"

export const dynamic = "force-dynamic"

/** The operator's invite link (`/vi/curator/invite?token=…`): register, accept and sign in with one form. */
export default async function CuratorInvitePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ token?: string }>
}) {
  const { locale } = await params
  setRequestLocale(locale)
  const { token } = await searchParams
  const t = await getTranslations("curator")
  return (
    <article className="login-page">
      <h1>{t("inviteTitle")}</h1>
      <p className="lead">{t("inviteLead")}</p>
      {token ? <CuratorInviteForm token={token} /> : <p className="form-error">{t("inviteMissing")}</p>}
    </article>
  )
}
