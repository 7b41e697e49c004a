import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { listOrderParts, retrieveOrder } from "@/lib/data/customer"
import { groupItemsByPart } from "@/lib/order-parts"
import { lotPagePath } from "@/lib/lots"
import { formatVnd } from "@/lib/format"
import { BankTransferPanel } from "@/components/bank-transfer-panel"
import { ClientTexts } from "@/components/client-texts"
import { RefreshWhile } from "@/components/refresh-while"
import { PAYMENT_PROVIDERS, readBankTransfer } from "@/lib/data/payments"

// Rendered per buyer (cart and login cookies), never cached.
export const dynamic = "force-dynamic"

export const metadata: Metadata = { robots: { index: false } }

export default async function OrderPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params
  setRequestLocale(locale)
  const [order, parts] = await Promise.all([retrieveOrder(id), listOrderParts(id)])
  if (!order) notFound()
  // One block per producer (each sends its own parcel); lines of no producer, or all lines before the split, after.
  const { blocks, rest } = groupItemsByPart(order.items ?? [], parts)
  const t = await getTranslations("order")
  const address = order.shipping_address
  const sessions = (order.payment_collections ?? []).flatMap((c) => c.payment_sessions ?? [])
  const vietqr = sessions.find((s) => s.provider_id === PAYMENT_PROVIDERS.vietqr)
  const vnpay = sessions.find((s) => s.provider_id === PAYMENT_PROVIDERS.vnpay)
  const card = sessions.find((s) => s.provider_id === PAYMENT_PROVIDERS.card)
  const prepaid = !!vietqr || !!vnpay || !!card
  const paid = order.payment_status === "captured" || order.payment_status === "authorized"
  const canceled = order.status === "canceled"
  const awaitingTransfer = !!vietqr && !paid && !canceled
  const transfer = awaitingTransfer ? readBankTransfer(vietqr.data) : null
  return (
    <article className="order-page">
      <h1>{t("thanks")}</h1>
      <p role="status" data-testid="order-number">
        {t("number", { number: order.display_id ?? order.id })}
      </p>
      {!prepaid ? <p>{t("codNote", { total: formatVnd(order.total as number) })}</p> : null}
      {prepaid && paid ? (
        <p className="status-paid" data-testid="payment-state">
          <strong>{t("paid")}</strong> — {t("paidNote", { total: formatVnd(order.total as number) })}
        </p>
      ) : null}
      {prepaid && canceled && !paid ? (
        <p className="form-error" data-testid="payment-state">
          <strong>{t("canceled")}</strong> — {t(vnpay ? "vnpayCanceledNote" : "canceledNote")}
        </p>
      ) : null}
      {vnpay && !paid && !canceled ? (
        <>
          <p data-testid="payment-state">{t("awaitingVnpay")}</p>
          <RefreshWhile active />
        </>
      ) : null}
      {awaitingTransfer ? (
        <>
          <p data-testid="payment-state">{t("awaitingTransfer")}</p>
          <ClientTexts namespaces={["order"]}>
            {transfer ? <BankTransferPanel transfer={transfer} /> : null}
            <RefreshWhile active />
          </ClientTexts>
        </>
      ) : null}
      {blocks.length ? <h2>{t("partsTitle")}</h2> : null}
      {blocks.map(({ part, items }) => (
        <section key={part.id} className="order-part" data-testid="order-part" data-status={part.status}>
          <h3>{t("soldBy", { name: part.producer?.name ?? t("unknownProducer") })}</h3>
          {part.recalled_lots.map((lot) => (
            <div key={lot.public_code} className="lot-recalled" role="alert" data-testid="order-recall">
              <strong>{t("recallTitle", { code: lot.code })}</strong>
              <p>
                {t("recallText", { reason: lot.recall_reason ?? "" })} <a href={lotPagePath(lot.public_code, locale)}>{t("recallLot")}</a>
              </p>
            </div>
          ))}
          <p role="status">
            <strong>{t(`partStatus.${part.status}`)}</strong>
            {part.tracking_number ? ` · ${t("tracking", { carrier: part.carrier ?? "—", tracking: part.tracking_number })}` : null}
          </p>
          <ul>
            {items.map((item) => (
              <li key={item.id}>
                {item.product_title} ({item.variant_title}) × {item.quantity} — {formatVnd(item.total as number)}
              </li>
            ))}
          </ul>
          <p>{t("partSubtotal", { amount: formatVnd(part.subtotal) })}</p>
          <p data-testid="part-shipping">{t("partShipping", { amount: formatVnd(part.shipping_fee) })}</p>
        </section>
      ))}
      {rest.length ? (
        <>
          {blocks.length ? <h3>{t("otherLines")}</h3> : null}
          <ul>
            {rest.map((item) => (
              <li key={item.id}>
                {item.product_title} ({item.variant_title}) × {item.quantity} — {formatVnd(item.total as number)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        {t("shipping")}: {formatVnd(order.shipping_total as number)} · {t("total")}: <strong>{formatVnd(order.total as number)}</strong>
      </p>
      {address ? (
        <p>
          {t("deliverTo")}: {address.first_name}, {address.phone}, {[address.address_1, address.city, address.province].filter(Boolean).join(", ")}
        </p>
      ) : null}
      <Link href="/account">{t("toAccount")}</Link>
    </article>
  )
}
