import type { Metadata } from "next"
import { Photo } from "@/components/photo"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { updateCartLine } from "@/lib/actions/cart"
import { ShippingFees } from "@/components/shipping-fees"
import { retrieveCart, retrieveShippingFees } from "@/lib/data/cart"
import { formatVnd } from "@/lib/format"

// Rendered per buyer (cart and login cookies), never cached.
export const dynamic = "force-dynamic"

export const metadata: Metadata = { robots: { index: false } }

export default async function CartPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("cart")
  const cart = await retrieveCart()
  const items = cart?.items ?? []
  const fees = cart && items.length ? await retrieveShippingFees(cart.id) : null
  return (
    <article className="cart-page">
      <h1>{t("title")}</h1>
      {!items.length ? (
        <p>
          {t("empty")} <Link href="/search">{t("browse")}</Link>
        </p>
      ) : (
        <>
          <ul className="cart-lines">
            {items.map((item) => (
              <li key={item.id} className="cart-line">
                {item.thumbnail ? <Photo src={item.thumbnail} alt="" width={72} height={72} /> : null}
                <div>
                  <p className="cart-line-title">{item.product_title}</p>
                  <p className="hint">{item.variant_title}</p>
                  <p>{formatVnd(item.unit_price)}</p>
                </div>
                <form action={updateCartLine} className="cart-line-qty">
                  <input type="hidden" name="line_id" value={item.id} />
                  <label>
                    <span className="visually-hidden">{t("quantityOf", { title: item.product_title ?? "" })}</span>
                    <input type="number" name="quantity" defaultValue={item.quantity} min={0} max={99} inputMode="numeric" />
                  </label>
                  <button type="submit">{t("update")}</button>
                </form>
                <form action={updateCartLine}>
                  <input type="hidden" name="line_id" value={item.id} />
                  <input type="hidden" name="quantity" value="0" />
                  <button type="submit" className="link-button">
                    {t("remove")}
                  </button>
                </form>
              </li>
            ))}
          </ul>
          <p className="cart-total">
            {t("subtotal")}: <strong data-testid="cart-subtotal">{formatVnd(cart?.item_total as number)}</strong>
          </p>
          <ShippingFees fees={fees} />
          <Link href="/checkout" className="button-primary">
            {t("checkout")}
          </Link>
        </>
      )}
    </article>
  )
}
