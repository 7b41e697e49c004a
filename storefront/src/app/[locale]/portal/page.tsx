import { Photo } from "@/components/photo"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { ProfileForm } from "@/components/portal/profile-form"
import { ShippingForm } from "@/components/portal/shipping-form"
import { logOutProducer } from "@/lib/actions/portal"
import { listProducerProducts, readDashboard, readMe, readShipping } from "@/lib/data/producer"
import { formatDate, formatVnd } from "@/lib/format"
import { signedIn } from "./signed-in"

export const dynamic = "force-dynamic"

export default async function PortalDashboard({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("portal")
  const me = await signedIn(locale, readMe)
  if (!me.producer) {
    // A person who claimed an imported producer waits for the operator's approval.
    return (
      <article>
        <h1>{t("noProducer")}</h1>
        <form action={logOutProducer}>
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="link-button">
            {t("logOut")}
          </button>
        </form>
        <ul>
          {me.claims.map((claim) => (
            <li key={claim.id}>{t(`claimStatus.${claim.status}` as never)}</li>
          ))}
        </ul>
      </article>
    )
  }
  const [dashboard, products, shipping] = await signedIn(locale, () => Promise.all([readDashboard(), listProducerProducts(), readShipping()]))
  const sales = dashboard.sales_last_30_days
  return (
    <article>
      <h1>{me.producer?.name ?? t("noProducer")}</h1>
      <form action={logOutProducer}>
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" className="link-button">
          {t("logOut")}
        </button>
      </form>
      <section aria-labelledby="sales-heading" className="portal-cards">
        <h2 id="sales-heading">{t("sales30")}</h2>
        <dl className="facts">
          <dt>{t("ordersCount")}</dt>
          <dd>{sales.orders}</dd>
          <dt>{t("units")}</dt>
          <dd>{sales.units}</dd>
          <dt>{t("revenue")}</dt>
          <dd>{formatVnd(sales.revenue_vnd)}</dd>
        </dl>
      </section>
      {dashboard.certificate_reminders.length ? (
        <section aria-labelledby="reminders-heading" className="notice">
          <h2 id="reminders-heading">{t("reminders")}</h2>
          <ul>
            {dashboard.certificate_reminders.map((r) => (
              <li key={r.product_id}>{t("reminder", { product: r.product_title, date: formatDate(r.valid_until, locale), days: r.days_left })}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {dashboard.low_stock.length ? (
        <section aria-labelledby="stock-heading" className="notice">
          <h2 id="stock-heading">{t("lowStock")}</h2>
          <ul>
            {dashboard.low_stock.map((v) => (
              <li key={`${v.product_id}-${v.variant_title}`}>
                {v.product_title} — {v.variant_title}: {t("left", { count: v.available })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="profile-heading" className="portal-cards">
        <h2 id="profile-heading">{t("profile")}</h2>
        <p className="hint">{t("profileLead")}</p>
        <ProfileForm
          womenLed={(me.producer.women_led as boolean | null | undefined) ?? null}
          ethnicMinorityLed={(me.producer.ethnic_minority_led as boolean | null | undefined) ?? null}
        />
      </section>
      <section aria-labelledby="shipping-heading" className="portal-cards">
        <h2 id="shipping-heading">{t("shippingTitle")}</h2>
        <p className="hint">
          {t("shippingLead", {
            fee: formatVnd(shipping.defaults.fee),
            freeFrom: shipping.defaults.free_from === null ? t("shippingNever") : formatVnd(shipping.defaults.free_from),
          })}
        </p>
        <ShippingForm fee={shipping.shipping_fee} freeFrom={shipping.free_shipping_from} />
      </section>
      <section aria-labelledby="products-heading">
        <h2 id="products-heading">{t("products", { count: products.length })}</h2>
        <ul className="portal-products">
          {products.map((p) => (
            <li key={p.id}>
              <Link href={`/portal/products/${p.id}`} className="portal-product">
                {p.thumbnail ? <Photo src={p.thumbnail} alt="" width={56} height={56} /> : <span className="no-photo" aria-hidden="true" />}
                <span>
                  <strong>{p.title}</strong>
                  <br />
                  <span className="hint">
                    {t(`status.${p.status}` as never)} · {formatVnd(p.variants[0]?.price_vnd)}
                    {p.certification ? ` · OCOP ${p.certification.stars}★` : ""}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </article>
  )
}
