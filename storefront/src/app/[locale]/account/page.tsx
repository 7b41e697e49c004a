import type { Metadata } from "next"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { redirect } from "next/navigation"
import { localizePath } from "@/i18n/paths"
import { logOut } from "@/lib/actions/account"
import { listOrders, retrieveCustomer } from "@/lib/data/customer"
import { formatDate, formatVnd } from "@/lib/format"

// Rendered per buyer (cart and login cookies), never cached.
export const dynamic = "force-dynamic"

export const metadata: Metadata = { robots: { index: false } }

export default async function AccountPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const customer = await retrieveCustomer()
  if (!customer) redirect(localizePath("/account/login", locale))
  const t = await getTranslations("account")
  const orders = await listOrders()
  return (
    <article className="account-page">
      <h1>{t("hello", { name: customer.first_name ?? customer.email })}</h1>
      <p>{customer.email}</p>
      <form action={logOut}>
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="link-button">
          {t("logOut")}
        </button>
      </form>
      <section aria-labelledby="orders-heading">
        <h2 id="orders-heading">{t("orders")}</h2>
        {orders.length ? (
          <table className="orders-table" data-testid="order-history">
            <thead>
              <tr>
                <th scope="col">{t("orderNumber")}</th>
                <th scope="col">{t("date")}</th>
                <th scope="col">{t("items")}</th>
                <th scope="col">{t("total")}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => (
                <tr key={order.id}>
                  <th scope="row">
                    <Link href={`/orders/${order.id}`}>#{order.display_id}</Link>
                  </th>
                  <td>{formatDate(String(order.created_at), locale)}</td>
                  <td>{(order.items ?? []).map((i) => `${i.product_title} × ${i.quantity}`).join(", ")}</td>
                  <td>{formatVnd(order.total as number)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("noOrders")}</p>
        )}
      </section>
      <section aria-labelledby="addresses-heading">
        <h2 id="addresses-heading">{t("addresses")}</h2>
        {customer.addresses?.length ? (
          <ul>
            {customer.addresses.map((a) => (
              <li key={a.id}>{[a.first_name, a.phone, a.address_1, a.city, a.province].filter(Boolean).join(", ")}</li>
            ))}
          </ul>
        ) : (
          <p>{t("noAddresses")}</p>
        )}
      </section>
    </article>
  )
}
