import { notFound } from "next/navigation"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { ClaimForm } from "@/components/portal/claim-form"
import { getProducer } from "@/lib/data/catalog"

export const dynamic = "force-dynamic"

export default async function PortalClaimPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>
  searchParams: Promise<{ producer?: string }>
}) {
  const { locale } = await params
  setRequestLocale(locale)
  const { producer: handle } = await searchParams
  const producer = handle ? await getProducer(handle) : null
  if (!producer) notFound()
  const t = await getTranslations("portal")
  return (
    <article className="login-page">
      <h1>{t("claimTitle", { producer: producer.name })}</h1>
      <p className="lead">{t("claimLead")}</p>
      <ClaimForm producerId={producer.id} />
    </article>
  )
}
