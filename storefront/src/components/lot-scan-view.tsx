import type { ReactNode } from "react"
import type { PublicLotPage } from "@ocop/contracts"
import { getTranslations } from "next-intl/server"
import { Photo } from "@/components/photo"
import { Link } from "@/i18n/link"
import { LotOriginMap } from "@/components/lot-origin-map"
import { StarBadge } from "@/components/stars"
import { reportLotProvince } from "@/lib/actions/lot-scan"
import { describeStatus } from "@/lib/certificate-display"
import { listProvinces } from "@/lib/data/catalog"
import { formatDate } from "@/lib/format"
import { certificateVerdict, lotJsonLd } from "@/lib/lots"
import { jsonLd, siteUrl } from "@/lib/seo"

/**
 * The scan page's body, for a lot's QR and for a unit's serial QR alike: recall banner, `notice` (the serial's
 * verdict), the certificate's live status, the lot's facts, its origin on the province map, timeline, documents and the
 * province form. Server-only.
 */
export async function LotScanView({
  page,
  locale,
  reported,
  notice,
  serialReturn,
}: {
  page: PublicLotPage
  locale: string
  reported?: string
  notice?: ReactNode
  /** on a serial page: the serial and its signed verdict, so the province form returns there */
  serialReturn?: { serial: string; verdict: string }
}) {
  const t = await getTranslations("lot")
  const provinces = await listProvinces()
  const { lot, product, producer } = page
  const verdict = certificateVerdict(product?.ocop)
  const display = describeStatus(product?.ocop?.status)
  const url = `${siteUrl()}/${locale}/lots/${lot.public_code}`
  const place = lot.commune ? [lot.commune.name, lot.commune.province_name].filter(Boolean).join(", ") : null
  const origin = lot.commune && place ? { province_code: lot.commune.province_code, text: place } : null
  const made = producer?.province_code && producer.province ? { province_code: producer.province_code, text: producer.province } : null
  return (
    <article className="lot-page">
      <script type="application/ld+json" dangerouslySetInnerHTML={jsonLd(lotJsonLd(page, url))} />
      {lot.status === "recalled" ? (
        <div className="lot-recalled" role="alert">
          <h2>{t("recalledTitle")}</h2>
          <p>{t("recalledText", { date: formatDate(lot.recalled_at, locale) })}</p>
          {lot.recall_reason ? <p>{t("recallReason", { reason: lot.recall_reason })}</p> : null}
        </div>
      ) : null}
      {notice}
      <h1>{product?.title ?? t("unknownProduct")}</h1>
      <p
        className={`verdict ${verdict === "valid" ? "verdict-ok" : verdict === "unknown_validity" ? "verdict-unknown" : "verdict-bad"}`}
        role="status"
        data-testid="lot-certificate"
      >
        {t(`certificate.${verdict}`)}
      </p>
      {product?.ocop ? <StarBadge stars={product.ocop.stars} badge={display.badge} size="large" /> : null}
      <div className="lot-grid">
        {product?.thumbnail ? (
          <div className="lot-photo">
            <Photo src={product.thumbnail} alt={product.title} fill sizes="(max-width: 600px) 100vw, 240px" priority />
          </div>
        ) : null}
        <dl className="facts">
          <dt>{t("lotCode")}</dt>
          <dd data-testid="lot-code">{lot.code}</dd>
          <dt>{t("madeOn")}</dt>
          <dd>{formatDate(lot.made_on, locale)}</dd>
          <dt>{t("bestBefore")}</dt>
          <dd>{lot.best_before ? formatDate(lot.best_before, locale) : t("notGiven")}</dd>
          <dt>{t("quantity")}</dt>
          <dd>{lot.quantity.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB")}</dd>
          <dt>{t("growingArea")}</dt>
          <dd>{lot.growing_area_code ?? t("notGiven")}</dd>
          <dt>{t("origin")}</dt>
          <dd>{place ?? t("notGiven")}</dd>
          <dt>{t("producer")}</dt>
          <dd>
            {producer ? (
              <>
                {producer.name}
                {producer.address || producer.province ? <br /> : null}
                {[producer.address, producer.province].filter(Boolean).join(", ")}
              </>
            ) : (
              t("notGiven")
            )}
          </dd>
          {product?.ocop ? (
            <>
              <dt>{t("decision")}</dt>
              <dd>
                {product.ocop.decision_number ?? t("notGiven")}
                {product.ocop.valid_until ? ` · ${t("validUntil", { date: formatDate(product.ocop.valid_until, locale) })}` : ""}
              </dd>
            </>
          ) : null}
          {product?.gtin ? (
            <>
              <dt>GTIN</dt>
              <dd>{product.gtin}</dd>
            </>
          ) : null}
        </dl>
      </div>
      {origin || made ? (
        <section aria-labelledby="lot-map">
          <h2 id="lot-map">{t("map.title")}</h2>
          <LotOriginMap
            provinces={provinces}
            origin={origin}
            producer={made}
            title={t("map.image")}
            marks={{ origin: t("map.markOrigin"), producer: t("map.markProducer"), both: t("map.markBoth") }}
            legend={{
              origin: origin ? t("map.origin", { place: origin.text }) : null,
              producer: made ? t("map.producer", { place: made.text }) : null,
            }}
          />
        </section>
      ) : null}
      <section aria-labelledby="lot-steps">
        <h2 id="lot-steps">{t("steps")}</h2>
        {lot.steps.length ? (
          <ol className="lot-timeline">
            {lot.steps.map((step, i) => (
              <li key={i}>
                <p>
                  <strong>{t(`stepKinds.${step.kind}`)}</strong> ·{" "}
                  <time dateTime={step.happened_on ?? undefined}>{formatDate(step.happened_on, locale)}</time>
                </p>
                <p>{step.note}</p>
                {step.photo_url ? (
                  // eslint-disable-next-line @next/next/no-img-element -- a rendition already sized by the photo pipeline
                  <img src={step.photo_url} alt={t("stepPhoto", { step: t(`stepKinds.${step.kind}`) })} loading="lazy" width={320} height={240} />
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("noSteps")}</p>
        )}
      </section>
      <section aria-labelledby="lot-docs">
        <h2 id="lot-docs">{t("documents")}</h2>
        {lot.documents.length ? (
          <ul>
            {lot.documents.map((doc, i) => (
              <li key={i}>
                <a href={doc.url} rel="noopener">
                  {doc.title}
                </a>{" "}
                ({t(`documentKinds.${doc.kind}`)}
                {doc.pages ? `, ${t("pages", { count: doc.pages })}` : ""})
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("noDocuments")}</p>
        )}
      </section>
      <section aria-labelledby="lot-where" className="lot-where">
        <h2 id="lot-where">{t("whereTitle")}</h2>
        {reported ? (
          <p role="status">
            {t(`reported.${reported === "counted" || reported === "named" ? "counted" : reported === "repeat" ? "repeat" : "failed"}`)}
          </p>
        ) : (
          <form action={reportLotProvince} className="stack-form">
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="code" value={lot.public_code} />
            {serialReturn ? (
              <>
                <input type="hidden" name="serial" value={serialReturn.serial} />
                <input type="hidden" name="verdict" value={serialReturn.verdict} />
              </>
            ) : null}
            <label htmlFor="lot-province">{t("whereLabel")}</label>
            <select id="lot-province" name="province_code" defaultValue="">
              <option value="">{t("whereNone")}</option>
              {provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
            <p className="hint">{t("whereHint")}</p>
            <button type="submit" className="button-secondary">
              {t("whereSend")}
            </button>
          </form>
        )}
      </section>
      {product?.handle ? (
        <p>
          <Link href={`/products/${product.handle}`}>{t("productPage")}</Link>
        </p>
      ) : null}
    </article>
  )
}
