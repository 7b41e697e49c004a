import { getTranslations, setRequestLocale } from "next-intl/server"
import { retrievePayoutLedger } from "@/lib/data/producer"
import { formatDate, formatVnd } from "@/lib/format"
import { signedIn } from "../signed-in"

export const dynamic = "force-dynamic"

/** The producer's payouts: delivered parts minus the operator's commission plus their delivery fees, refunds beside, the balance owed. */
export default async function PortalPayoutsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("portal")
  const ledger = await signedIn(locale, () => retrievePayoutLedger())
  const { totals } = ledger
  return (
    <article>
      <h1>{t("payouts")}</h1>
      <p>{t("payoutsHint", { percent: ledger.commission_percent })}</p>
      <dl className="payout-totals" data-testid="payout-totals">
        <dt>{t("payoutDelivered")}</dt>
        <dd>{formatVnd(totals.delivered)}</dd>
        <dt>{t("payoutCommission")}</dt>
        <dd>−{formatVnd(totals.commission)}</dd>
        <dt>{t("payoutShipping")}</dt>
        <dd>+{formatVnd(totals.shipping)}</dd>
        <dt>{t("payoutBalance")}</dt>
        <dd>
          <strong>{formatVnd(totals.balance)}</strong>
        </dd>
        <dt>{t("payoutRefunds")}</dt>
        <dd>{formatVnd(totals.refunds)}</dd>
      </dl>
      {!ledger.entries.length ? <p>{t("noPayouts")}</p> : null}
      {ledger.entries.length ? (
        <table className="payout-entries">
          <thead>
            <tr>
              <th scope="col">{t("payoutOrder")}</th>
              <th scope="col">{t("payoutDelivered")}</th>
              <th scope="col">{t("payoutCommission")}</th>
              <th scope="col">{t("payoutShipping")}</th>
              <th scope="col">{t("payoutNet")}</th>
            </tr>
          </thead>
          <tbody>
            {ledger.entries.map((entry) => (
              <tr key={entry.part_id}>
                <td>{formatDate(entry.delivered_at, locale)}</td>
                <td>{formatVnd(entry.subtotal)}</td>
                <td>−{formatVnd(entry.commission)}</td>
                <td>+{formatVnd(entry.shipping_fee)}</td>
                <td>{formatVnd(entry.net)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </article>
  )
}
