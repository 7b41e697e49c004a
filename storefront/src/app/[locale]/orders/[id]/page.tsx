import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/navigation"
import { retrieveOrder } from "@/lib/data/customer"
import { formatVnd } from "@/lib/format"

// Rendered per buyer (cart and login cookies), never cached.
export const dynamic = "force-dynamic"

export const metadata: Metadata = { robots: { index: false } }

export default async function OrderPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params
  setRequestLocale(locale)
  const order = await retrieveOrder(id)
  if (!order) notFound()
  const t = await getTranslations("order")
  const address = order.shipping_address
  return (
    <article className="order-page">
      <h1>{t("thanks")}</h1>
      <p role="status" data-testid="order-number">
        {t("number", { number: order.display_id ?? order.id })}
      </p>
      <p>{t("codNote", { total: formatVnd(order.total as number) })}</p>
      <ul>
        {(order.items ?? []).map((item) => (
          <li key={item.id}>
            {item.product_title} ({item.variant_title}) × {item.quantity} — {formatVnd(item.total as number)}
          </li>
        ))}
      </ul>
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
