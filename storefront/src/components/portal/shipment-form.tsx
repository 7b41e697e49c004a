"use client"

import { useActionState } from "react"
import { useTranslations } from "next-intl"
import { recordShipment } from "@/lib/actions/portal"
import type { FormState } from "@/lib/actions/form-state"

/** One of the producer's lines of the order and the lots it may have come from (active lots of its product). */
export type ShipmentLine = { id: string; title: string; lots: { id: string; code: string }[] }

export function ShipmentForm({ orderId, lines = [] }: { orderId: string; lines?: ShipmentLine[] }) {
  const t = useTranslations("portal")
  const [state, action, pending] = useActionState<FormState, FormData>(recordShipment, {})
  return (
    <form action={action} className="stack-form shipment-form">
      <input type="hidden" name="order_id" value={orderId} />
      <fieldset>
        <legend>{t("shipmentStatus")}</legend>
        <label className="radio-row">
          <input type="radio" name="status" value="packed" defaultChecked />
          {t("shipment.packed")}
        </label>
        <label className="radio-row">
          <input type="radio" name="status" value="shipped" />
          {t("shipment.shipped")}
        </label>
      </fieldset>
      {lines
        .filter((line) => line.lots.length)
        .map((line) => (
          <div key={line.id}>
            <label htmlFor={`lot-${line.id}`}>{t("lineLot", { title: line.title })}</label>
            <select id={`lot-${line.id}`} name={`lot:${line.id}`} defaultValue="">
              <option value="">{t("noLot")}</option>
              {line.lots.map((lot) => (
                <option key={lot.id} value={lot.id}>
                  {lot.code}
                </option>
              ))}
            </select>
          </div>
        ))}
      <label htmlFor={`carrier-${orderId}`}>{t("carrier")}</label>
      <input id={`carrier-${orderId}`} name="carrier" />
      <label htmlFor={`tracking-${orderId}`}>{t("tracking")}</label>
      <input id={`tracking-${orderId}`} name="tracking_number" />
      {state.error ? (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      ) : null}
      <button type="submit" className="button-primary" disabled={pending}>
        {t("saveShipment")}
      </button>
    </form>
  )
}
