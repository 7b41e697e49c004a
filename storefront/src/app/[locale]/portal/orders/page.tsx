import { getTranslations, setRequestLocale } from "next-intl/server"
import { PartActions } from "@/components/portal/part-actions"
import { ShipmentForm } from "@/components/portal/shipment-form"
import { Link } from "@/i18n/link"
import { listProducerLots } from "@/lib/data/lots"
import { listProducerOrders } from "@/lib/data/producer"
import { formatDate, formatVnd } from "@/lib/format"
import { signedIn } from "../signed-in"

export const dynamic = "force-dynamic"

export default async function PortalOrdersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("portal")
  const [orders, lots] = await signedIn(locale, () => Promise.all([listProducerOrders(), listProducerLots()]))
  // A line may name an active lot of its product (the backend checks the same: @ocop/domain findShippedLotProblem).
  const lotsOf = (productId: string | null | undefined) =>
    lots.filter((lot) => lot.product_id === productId && lot.status === "active").map((lot) => ({ id: lot.id, code: lot.code }))
  return (
    <article>
      <h1>{t("orders")}</h1>
      {!orders.length ? <p>{t("noOrders")}</p> : null}
      <ul className="portal-orders">
        {orders.map((order) => (
          <li key={order.id} className="portal-order">
            <h2>
              #{order.display_id} · {formatDate(order.created_at, locale)}
            </h2>
            <ul>
              {order.items.map((item) => (
                <li key={item.id}>
                  {item.title} {item.variant_title ? `(${item.variant_title})` : ""} × {item.quantity}
                  {item.lots.length ? (
                    <span className="line-lots" data-testid="line-lots">
                      {" · "}
                      {t("lineLots")}:{" "}
                      {item.lots.map((lot, i) => (
                        <span key={lot.lot_id}>
                          {i ? ", " : ""}
                          <Link href={`/portal/lots/${lot.lot_id}`}>{lot.code}</Link>
                          {lot.quantity != null ? ` (${t("lotUnits", { count: lot.quantity })})` : ""}
                        </span>
                      ))}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
            <p>
              {t("ownSubtotal")}: {formatVnd(order.subtotal)}
            </p>
            <p>
              {t("shipmentStatus")}: {order.shipment ? t(`shipment.${order.shipment.status}` as never) : t("shipment.new")}
              {order.shipment?.tracking_number
                ? ` · ${
                    order.shipment.carrier
                      ? t("shipmentTracking", { carrier: order.shipment.carrier, tracking: order.shipment.tracking_number })
                      : `${t("tracking")}: ${order.shipment.tracking_number}`
                  }`
                : ""}
            </p>
            {!order.shipment || order.shipment.status === "pending" || order.shipment.status === "packed" ? (
              <ShipmentForm
                orderId={order.id}
                lines={order.items.map((item) => ({
                  id: item.id,
                  title: item.title,
                  quantity: item.quantity,
                  lots: lotsOf(item.product_id),
                }))}
              />
            ) : null}
            {order.shipment ? <PartActions orderId={order.id} status={order.shipment.status} /> : null}
          </li>
        ))}
      </ul>
    </article>
  )
}
