import { getTranslations, setRequestLocale } from "next-intl/server"
import { ClaimDecision } from "@/components/curator/forms"
import { listClaims } from "@/lib/data/curator"
import { formatDate } from "@/lib/format"
import { signedIn } from "../signed-in"

export const dynamic = "force-dynamic"

/** Pending claims of the curator's provinces: a person asks to manage an imported producer. */
export default async function CuratorClaimsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("curator")
  const { claims } = await signedIn(locale, () => listClaims("pending"))
  return (
    <article>
      <h1>{t("claimsTitle")}</h1>
      {claims.length ? (
        <ul className="portal-orders">
          {claims.map((claim) => (
            <li key={claim.id} className="portal-order">
              <h2>{claim.producer.name}</h2>
              <dl className="facts">
                <dt>{t("member")}</dt>
                <dd>
                  {claim.member?.name ?? "—"}
                  {claim.member?.email ? ` · ${claim.member.email}` : ""}
                </dd>
                <dt>{t("filedAt")}</dt>
                <dd>{formatDate(claim.created_at, locale)}</dd>
                {claim.message ? (
                  <>
                    <dt>{t("message")}</dt>
                    <dd>{claim.message}</dd>
                  </>
                ) : null}
              </dl>
              <ClaimDecision claimId={claim.id} producer={claim.producer.name} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("claimsEmpty")}</p>
      )}
    </article>
  )
}
