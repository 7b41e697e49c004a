import { randomUUID } from "node:crypto"
import { notFound } from "next/navigation"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { AddStepForm, DocumentForm, RecallForm, SerialsForm, VoidSerialsForm } from "@/components/portal/lot-forms"
import { readProducerLot, readProducerLotSerials } from "@/lib/data/lots"
import { formatDate, formatDateTime } from "@/lib/format"
import { lotPagePath } from "@/lib/lots"
import { signedIn } from "../../signed-in"

export const dynamic = "force-dynamic"

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: Promise<{ photo?: string }> }

/** One lot: its timeline, documents, scans, the label sheet and the recall. */
export default async function PortalLotPage({ params, searchParams }: Props) {
  const { locale, id } = await params
  const { photo } = await searchParams
  setRequestLocale(locale)
  const t = await getTranslations("portalLots")
  const [detail, serials] = await signedIn(locale, () => Promise.all([readProducerLot(id), readProducerLotSerials(id)]))
  if (!detail || !serials) notFound()
  const { lot, affected_orders: orders } = detail
  return (
    <article>
      <h1>
        {lot.product_title ?? ""} · {t("lotCode", { code: lot.code })}
      </h1>
      {photo === "failed" ? (
        <p role="alert" className="form-error">
          {t("photoFailed")}
        </p>
      ) : null}
      {lot.status === "recalled" ? (
        <p className="lot-recalled" role="status">
          {t("isRecalled", { reason: lot.recall_reason ?? "" })}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("madeOn")}</dt>
        <dd>{formatDate(lot.made_on, locale)}</dd>
        <dt>{t("bestBefore")}</dt>
        <dd>{formatDate(lot.best_before, locale)}</dd>
        <dt>{t("quantity")}</dt>
        <dd>{lot.quantity}</dd>
        <dt>{t("growingArea")}</dt>
        <dd>{lot.growing_area_code ?? "—"}</dd>
        <dt>{t("communeCode")}</dt>
        <dd>{lot.commune ? [lot.commune.name, lot.commune.province_name].filter(Boolean).join(", ") : "—"}</dd>
        <dt>{t("scansLabel")}</dt>
        <dd>
          {t("scans", { count: lot.scan_count })} · {t("maxProvinces", { count: lot.max_provinces_per_day })}
        </dd>
      </dl>
      {lot.flags.length ? (
        <p className="lot-flags" role="note">
          {lot.flags.map((flag) => (t.has(`flags.${flag}`) ? t(`flags.${flag}`) : flag)).join(" · ")}
        </p>
      ) : null}
      <p>
        <a href={lotPagePath(lot.public_code, locale)} data-testid="lot-public-link">
          {t("publicPage")}
        </a>{" "}
        · <a href={`/api/portal/lots/${encodeURIComponent(lot.id)}/label-sheet?layout=3x8`}>{t("labels3x8")}</a> ·{" "}
        <a href={`/api/portal/lots/${encodeURIComponent(lot.id)}/label-sheet?layout=2x7`}>{t("labels2x7")}</a>
      </p>
      <section aria-labelledby="serials-heading" data-testid="lot-serials">
        <h2 id="serials-heading">{t("serialsTitle")}</h2>
        <p className="hint">{t("serialsLead")}</p>
        <p data-testid="lot-serial-figures">
          {t("serialsFigures", {
            issued: serials.summary.issued,
            cap: serials.summary.cap,
            checked: serials.summary.checked,
            more: serials.summary.checked_more_than_once,
            voided: serials.summary.voided,
          })}
        </p>
        {serials.summary.checked_more_than_once ? (
          <p className="lot-flags" role="note">
            {t("serialsRepeated")}
          </p>
        ) : null}
        {serials.batches.length ? (
          <>
            <h3>{t("serialsBatches")}</h3>
            <ul>
              {serials.batches.map((batch) => {
                const sheet = `/api/portal/lots/${encodeURIComponent(lot.id)}/serial-sheet?batch=${encodeURIComponent(batch.id)}`
                return (
                  <li key={batch.id}>
                    {t("serialsBatch", { when: formatDateTime(batch.created_at, locale), count: batch.count })} ·{" "}
                    <a href={`${sheet}&layout=3x8`}>{t("serialsSheet3x8")}</a> · <a href={`${sheet}&layout=2x7`}>{t("serialsSheet2x7")}</a>
                  </li>
                )
              })}
            </ul>
          </>
        ) : (
          <p>{t("serialsNone")}</p>
        )}
        {lot.status === "active" ? <SerialsForm locale={locale} lotId={lot.id} requestKey={randomUUID()} /> : null}
        {serials.batches.length ? (
          <details data-testid="lot-serial-void">
            <summary>{t("voidTitle")}</summary>
            <p className="hint">{t("voidHint")}</p>
            <VoidSerialsForm
              locale={locale}
              lotId={lot.id}
              batches={serials.batches.map((batch) => ({
                id: batch.id,
                label: t("serialsBatch", { when: formatDateTime(batch.created_at, locale), count: batch.count }),
              }))}
            />
          </details>
        ) : null}
      </section>
      <section aria-labelledby="orders-heading" data-testid="lot-orders">
        <h2 id="orders-heading">{t("orders")}</h2>
        {orders.length ? (
          <ul>
            {orders.map((order) => (
              <li key={order.order_id}>
                {t("orderLine", { number: order.display_id ?? order.order_id, lines: order.line_item_ids.length })}
                {order.shipped_at ? ` · ${t("shippedOn", { date: formatDateTime(order.shipped_at, locale) })}` : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("noOrders")}</p>
        )}
      </section>
      <section aria-labelledby="steps-heading">
        <h2 id="steps-heading">{t("steps")}</h2>
        {lot.steps.length ? (
          <ol className="lot-timeline">
            {lot.steps.map((step) => (
              <li key={step.id}>
                <strong>{t(`stepKinds.${step.kind}`)}</strong> · {formatDate(step.happened_on, locale)} — {step.note}
                {step.photo ? (
                  <>
                    <br />
                    {/* eslint-disable-next-line @next/next/no-img-element -- a rendition from the photo pipeline */}
                    <img
                      src={step.photo.url}
                      alt={t("stepPhotoAlt", { step: t(`stepKinds.${step.kind}`) })}
                      width={240}
                      height={180}
                      loading="lazy"
                    />
                  </>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("noSteps")}</p>
        )}
        <details>
          <summary>{t("addStep")}</summary>
          <AddStepForm locale={locale} lotId={lot.id} />
        </details>
      </section>
      <section aria-labelledby="docs-heading">
        <h2 id="docs-heading">{t("documents")}</h2>
        {lot.documents.length ? (
          <ul>
            {lot.documents.map((doc) => (
              <li key={doc.id}>
                <a href={doc.url} rel="noopener">
                  {doc.title}
                </a>{" "}
                ({t(`documentKinds.${doc.kind}`)}, {doc.is_public ? t("public") : t("private")})
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("noDocuments")}</p>
        )}
        <details>
          <summary>{t("upload")}</summary>
          <DocumentForm locale={locale} lotId={lot.id} />
        </details>
      </section>
      {lot.status === "active" ? (
        <section aria-labelledby="recall-heading">
          <h2 id="recall-heading">{t("recall")}</h2>
          <p className="hint">{t("recallHint")}</p>
          <RecallForm locale={locale} lotId={lot.id} />
        </section>
      ) : null}
      <p>
        <Link href="/portal/lots">{t("back")}</Link>
      </p>
    </article>
  )
}
