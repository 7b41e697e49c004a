import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { CorrectCertificateForm, RerateForm, RevokeCertificateForm } from "@/components/curator/forms"
import { ListingVisibilityForm } from "@/components/curator/list-forms"
import { readCertificate, readCuratorProduct } from "@/lib/data/curator"
import { formatDate, vietnamDay } from "@/lib/format"
import { readOrNotFound, signedIn } from "../../signed-in"

export const dynamic = "force-dynamic"

export default async function CuratorCertificatePage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params
  setRequestLocale(locale)
  const t = await getTranslations("curator")
  const certificate = await signedIn(locale, () => readOrNotFound(() => readCertificate(id)))
  const product = certificate.product ? await signedIn(locale, () => readOrNotFound(() => readCuratorProduct(certificate.product!.id))) : null
  const isCurrent = product?.current_certification_id === certificate.id
  const open = certificate.status !== "revoked" && certificate.status !== "superseded"
  const origin = certificate.origin
  const tv = await getTranslations("curator.visibility")
  // When a listing was hidden matters to the hour (a complaint, a recall): the time in Việt Nam beside the day.
  const atTime = (instant: string) =>
    `${formatDate(vietnamDay(instant), locale)} ${new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" }).format(new Date(instant))}`
  return (
    <article>
      <p>
        <Link href="/curator/certificates">← {t("backToRegister")}</Link>
      </p>
      <h1>{certificate.product?.title ?? certificate.id}</h1>
      <p>
        <span className={`status-tag status status-${certificate.status}`}>{t(`status.${certificate.status}`)}</span>{" "}
        {t("starsTier", { stars: certificate.stars })}
        {certificate.product ? (
          <>
            {" · "}
            <Link href={`/products/${certificate.product.handle}`}>{t("viewInShop")}</Link>
          </>
        ) : null}
      </p>
      {!isCurrent && product ? <p className="notice">{t("notCurrent")}</p> : null}
      <dl className="facts">
        <dt>{t("producer")}</dt>
        <dd>{certificate.producer?.name ?? "—"}</dd>
        <dt>{t("decisionNumber")}</dt>
        <dd>{certificate.decision_number ?? t("notSet")}</dd>
        <dt>{t("decisionDate")}</dt>
        <dd>{certificate.decision_date ? formatDate(certificate.decision_date, locale) : t("notSet")}</dd>
        <dt>{t("certifyingLevel")}</dt>
        <dd>{certificate.certifying_level ? t(`level.${certificate.certifying_level}` as never) : t("notSet")}</dd>
        <dt>{t("validFrom")}</dt>
        <dd>{certificate.valid_from ? formatDate(certificate.valid_from, locale) : t("notSet")}</dd>
        <dt>{t("validUntil")}</dt>
        <dd>{certificate.valid_until ? formatDate(certificate.valid_until, locale) : t("notSet")}</dd>
        <dt>{t("productGroup")}</dt>
        <dd>{certificate.product_group ? `${certificate.product_group.code} · ${certificate.product_group.name}` : t("notSet")}</dd>
        <dt>{t("origin")}</dt>
        <dd>
          {origin.province?.name ?? origin.province_as_listed ?? "—"}
          {origin.formerly ? ` ${t("formerly", { name: origin.formerly })}` : ""}
        </dd>
        {certificate.status_reason ? (
          <>
            <dt>{t("reason")}</dt>
            <dd>{certificate.status_reason}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{t("history")}</h2>
        <table className="register history">
          <thead>
            <tr>
              <th scope="col">{t("recordedAt")}</th>
              <th scope="col">{t("category")}</th>
              <th scope="col">{t("decision")}</th>
              <th scope="col">{t("recordedBy")}</th>
            </tr>
          </thead>
          <tbody>
            {(certificate.rating_history ?? []).map((entry, index) => (
              <tr key={`${entry.recorded_at}-${index}`}>
                <th scope="row" data-label={t("recordedAt")}>
                  {formatDate(entry.recorded_at, locale)}
                </th>
                <td data-label={t("category")}>
                  {t.has(`kind.${entry.kind}`) ? t(`kind.${entry.kind}` as never) : entry.kind}
                  {entry.stars ? ` · ${t("starsTier", { stars: entry.stars })}` : ""}
                  {entry.note ? <span className="hint"> — {entry.note}</span> : null}
                </td>
                <td data-label={t("decision")}>
                  {entry.decision_number ?? "—"}
                  {entry.decision_date ? ` · ${formatDate(entry.decision_date, locale)}` : ""}
                </td>
                <td data-label={t("recordedBy")}>
                  {entry.recorded_by
                    ? `${t.has(`byType.${entry.recorded_by.type}`) ? t(`byType.${entry.recorded_by.type}` as never) : entry.recorded_by.type}${entry.recorded_by.email ? ` · ${entry.recorded_by.email}` : ""}`
                    : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {open ? (
        <div className="console-forms">
          <CorrectCertificateForm
            certificateId={certificate.id}
            current={{
              decision_number: certificate.decision_number,
              decision_date: certificate.decision_date,
              certifying_level: certificate.certifying_level,
              valid_until: certificate.valid_until,
            }}
          />
          <RevokeCertificateForm certificateId={certificate.id} />
        </div>
      ) : null}
      {product ? (
        <section aria-labelledby="visibility-heading" className="portal-cards">
          <h2 id="visibility-heading">{tv("title")}</h2>
          <p className={product.visibility.hidden ? "notice" : undefined}>{product.visibility.hidden ? tv("hiddenNow") : tv("shown")}</p>
          <h3>{tv("history")}</h3>
          {product.visibility.history.length ? (
            <table className="register history" aria-label={tv("history")}>
              <thead>
                <tr>
                  <th scope="col">{tv("when")}</th>
                  <th scope="col">{tv("change")}</th>
                  <th scope="col">{tv("reason")}</th>
                  <th scope="col">{tv("who")}</th>
                </tr>
              </thead>
              <tbody>
                {product.visibility.history.map((change) => (
                  <tr key={change.id}>
                    <th scope="row" data-label={tv("when")}>
                      {atTime(change.recorded_at)}
                    </th>
                    <td data-label={tv("change")}>{change.hidden ? tv("didHide") : tv("didShow")}</td>
                    <td data-label={tv("reason")}>{change.reason}</td>
                    <td data-label={tv("who")}>
                      {t.has(`byType.${change.recorded_by.type}`) ? t(`byType.${change.recorded_by.type}` as never) : change.recorded_by.type}
                      {change.recorded_by.email ? ` · ${change.recorded_by.email}` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="hint">{tv("noHistory")}</p>
          )}
          <ListingVisibilityForm productId={product.product.id} hidden={product.visibility.hidden} />
        </section>
      ) : null}
      {product && isCurrent ? <RerateForm productId={product.product.id} stars={certificate.stars} /> : null}
    </article>
  )
}
