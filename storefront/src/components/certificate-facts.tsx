import { getTranslations } from "next-intl/server"
import { describeCertificate } from "@/lib/certificate-display"
import { formatDate } from "@/lib/format"
import type { Certification } from "@ocop/contracts"

/** The facts a buyer checks on a certificate, with its status in words rather than colour alone. */
export async function CertificateFacts({ certification: cert, locale }: { certification: Certification; locale: string }) {
  const t = await getTranslations("ocop")
  const display = describeCertificate(cert)
  const status = display.status
  return (
    <dl className="facts">
      <dt>{t("status")}</dt>
      <dd>
        <span className={`status status-${status}`} data-testid="certificate-status">
          {t(`statuses.${status}` as never)}
        </span>
        {cert.status_reason ? <span> — {cert.status_reason}</span> : null}
      </dd>
      <dt>{t("stars")}</dt>
      <dd>
        {t("starsValue", { stars: cert.stars })}
        {display.proposedFiveStar ? ` · ${t("proposedFiveStar")}` : ""}
      </dd>
      <dt>{t("decision")}</dt>
      <dd>
        {cert.decision_number ?? t("unknown")}
        {cert.decision_date ? ` (${formatDate(cert.decision_date, locale)})` : ""}
      </dd>
      <dt>{t("level")}</dt>
      <dd>{cert.certifying_level ? t(`levels.${cert.certifying_level}` as never) : t("unknown")}</dd>
      <dt>{t("validUntil")}</dt>
      <dd data-testid="certificate-valid-until">
        {cert.valid_until ? formatDate(cert.valid_until, locale) : status === "unknown_validity" ? t("statuses.unknown_validity") : t("unknown")}
      </dd>
      {cert.product_group ? (
        <>
          <dt>{t("group")}</dt>
          <dd>{cert.product_group.name}</dd>
        </>
      ) : null}
    </dl>
  )
}
