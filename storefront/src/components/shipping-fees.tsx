import { getTranslations } from "next-intl/server"
import { formatVnd } from "@/lib/format"
import { toShippingFeeRows, type CartFees } from "@/lib/shipping-fees"

/** Delivery per producer (server-rendered, cart and checkout): each producer ships its own part, for its own fee. */
export async function ShippingFees({ fees }: { fees: CartFees | null }) {
  if (!fees?.parts.length) return null
  const t = await getTranslations("shippingFees")
  return (
    <section className="shipping-fees" aria-labelledby="shipping-fees-heading" data-testid="shipping-fees">
      <h2 id="shipping-fees-heading">{t("title")}</h2>
      <ul>
        {toShippingFeeRows(fees).map((row) => (
          <li key={row.producer_id} data-testid="shipping-fee">
            {row.name ?? t("unknownProducer")}: <strong>{row.free ? t("free") : formatVnd(row.fee)}</strong>
            {row.moreForFree !== null ? <span className="hint"> · {t("moreForFree", { amount: formatVnd(row.moreForFree) })}</span> : null}
          </li>
        ))}
      </ul>
      <p>
        {t("total")}: <strong data-testid="shipping-fees-total">{formatVnd(fees.total)}</strong>
      </p>
    </section>
  )
}
