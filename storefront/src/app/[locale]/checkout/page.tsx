import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { CheckoutForm } from "@/components/checkout-form"
import { ClientTexts } from "@/components/client-texts"
import { listProvinces } from "@/lib/data/catalog"
import { ShippingFees } from "@/components/shipping-fees"
import { listShippingOptions, retrieveCart, retrieveShippingFees } from "@/lib/data/cart"
import { retrieveCustomer } from "@/lib/data/customer"
import { listPaymentChoices } from "@/lib/data/payments"
import { formatVnd } from "@/lib/format"

// Rendered per buyer (cart and login cookies), never cached.
export const dynamic = "force-dynamic"

export const metadata: Metadata = { robots: { index: false } }

export default async function CheckoutPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("checkout")
  const cart = await retrieveCart()
  if (!cart?.items?.length) {
    return (
      <article>
        <h1>{t("title")}</h1>
        <p>
          {t("emptyCart")} <Link href="/search">{t("browse")}</Link>
        </p>
      </article>
    )
  }
  const [provinces, options, customer, payments, fees] = await Promise.all([
    listProvinces(),
    listShippingOptions(cart.id),
    retrieveCustomer(),
    listPaymentChoices(cart.region_id as string),
    retrieveShippingFees(cart.id),
  ])
  const saved = customer?.addresses?.[0]
  return (
    <article className="checkout-page">
      <h1>{t("title")}</h1>
      {!customer ? (
        <p className="hint">
          {t("guestHint")} <Link href="/account/login?next=checkout">{t("logIn")}</Link>
        </p>
      ) : null}
      <div className="checkout-layout">
        <ClientTexts namespaces={["checkout"]}>
          <CheckoutForm
            provinces={provinces.map((p) => ({ code: p.code, name: p.name }))}
            shippingOptions={options.map((o) => ({ id: o.id, name: o.name, amount: Number(o.amount ?? 0) }))}
            payments={payments}
            defaults={{
              email: customer?.email ?? cart.email ?? "",
              full_name: saved?.first_name ?? customer?.first_name ?? "",
              phone: saved?.phone ?? customer?.phone ?? "",
              address_1: saved?.address_1 ?? "",
              province_code: (saved?.metadata?.province_code as string) ?? "",
              commune_code: (saved?.metadata?.commune_code as string) ?? "",
            }}
          />
        </ClientTexts>
        <aside className="order-summary" aria-labelledby="summary-heading">
          <h2 id="summary-heading">{t("summary")}</h2>
          <ul>
            {cart.items.map((item) => (
              <li key={item.id}>
                {item.product_title} × {item.quantity} — {formatVnd(item.total as number)}
              </li>
            ))}
          </ul>
          <p>
            {t("itemsTotal")}: <strong>{formatVnd(cart.item_total as number)}</strong>
          </p>
          <ShippingFees fees={fees} />
          <p className="hint">{t("shippingAdded")}</p>
        </aside>
      </div>
    </article>
  )
}
