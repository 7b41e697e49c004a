"use client"

import { useActionState } from "react"
import { useTranslations } from "next-intl"
import { recordShipment } from "@/lib/actions/portal"
import type { FormState } from "@/lib/actions/form-state"

export function ShipmentForm({ orderId }: { orderId: string }) {
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
