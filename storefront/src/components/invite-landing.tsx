import type { ReactNode } from "react"
import { getTranslations, setRequestLocale } from "next-intl/server"

export type InvitePageProps = {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ token?: string }>
}

/**
 * The page an invite link opens (`?token=…`), for the producer portal and the curator console alike: one form that
 * registers, accepts and signs in; without a token, the namespace's "link incomplete" message.
 */
export async function InviteLanding({
  params,
  searchParams,
  namespace,
  renderForm,
}: InvitePageProps & { namespace: "portal" | "curator"; renderForm: (token: string) => ReactNode }) {
  const { locale } = await params
  setRequestLocale(locale)
  const { token } = await searchParams
  const t = await getTranslations(namespace)
  return (
    <article className="login-page">
      <h1>{t("inviteTitle")}</h1>
      <p className="lead">{t("inviteLead")}</p>
      {token ? renderForm(token) : <p className="form-error">{t("inviteMissing")}</p>}
    </article>
  )
}
