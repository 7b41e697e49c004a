import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { RefreshWhile } from "@/components/refresh-while"
import { retrieveOrder } from "@/lib/data/customer"
import { checkVnpayReturn } from "@/lib/data/payments"
import { formatVnd } from "@/lib/format"

// Rendered per buyer and per answer, never cached.
export const dynamic = "force-dynamic"

export const metadata: Metadata = { robots: { index: false } }

/**
 * Where VNPay sends the buyer back. The query is only trusted to name the order, and only once the backend found
 * its signature right; whether the order is paid is read from the order, which only VNPay's IPN changes.
 */
export default async function VnpayReturnPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("vnpayReturn")
  const answer = await checkVnpayReturn(await searchParams)
  const order = answer.verified && answer.order_id ? await retrieveOrder(answer.order_id) : null
  if (!order) {
    return (
      <article className="order-page">
        <h1>{t("title")}</h1>
        <p className="form-error" role="status" data-testid="payment-state">
          <strong>{t("invalid")}</strong> — {t("invalidNote")}
        </p>
        <Link href="/account">{t("toAccount")}</Link>
      </article>
    )
  }
  const paid = order.payment_status === "captured" || order.payment_status === "authorized"
  const canceled = order.status === "canceled"
  return (
    <article className="order-page">
      <h1>{t("title")}</h1>
      <p data-testid="order-number">{t("number", { number: order.display_id ?? order.id })}</p>
      {paid ? (
        <p className="status-paid" role="status" data-testid="payment-state">
          <strong>{t("paid")}</strong> — {t("paidNote", { total: formatVnd(order.total as number) })}
        </p>
      ) : canceled ? (
        <p className="form-error" role="status" data-testid="payment-state">
          <strong>{t("failed")}</strong> — {t("failedNote")}
        </p>
      ) : (
        <>
          <p role="status" data-testid="payment-state">
            <strong>{t("confirming")}</strong> — {t("confirmingNote")}
          </p>
          <RefreshWhile active />
        </>
      )}
      <Link href={`/orders/${order.id}`}>{t("toOrder")}</Link>
    </article>
  )
}
