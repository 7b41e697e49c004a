"use client"

import { useActionState, useState } from "react"
import { useTranslations } from "next-intl"
import { recordShipment } from "@/lib/actions/portal"
import type { FormState } from "@/lib/actions/form-state"

/** One of the producer's lines of the order and the lots it may have come from (active lots of its product). */
export type ShipmentLine = { id: string; title: string; quantity: number; lots: { id: string; code: string }[] }

/**
 * The lots one line came from. One lot needs no count (it gave the whole line); "Thêm lô" splits the line over
 * several lots, each with how many units it gave (they must add up to the line's quantity: the backend checks). The
 * first row is a plain select, so the form still names one lot per line without JavaScript.
 */
function LineLots({ line }: { line: ShipmentLine }) {
  const t = useTranslations("portal")
  const [rows, setRows] = useState(1)
  const split = rows > 1
  return (
    <div className="line-lots">
      {split ? <p className="hint">{t("lotSplitHint", { quantity: line.quantity })}</p> : null}
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="lot-row">
          <label htmlFor={`lot-${line.id}-${i}`}>
            {i === 0 ? t("lineLot", { title: line.title }) : t("lineLotMore", { number: i + 1, title: line.title })}
          </label>
          <select id={`lot-${line.id}-${i}`} name={`lot:${line.id}:${i}`} defaultValue="">
            <option value="">{t("noLot")}</option>
            {line.lots.map((lot) => (
              <option key={lot.id} value={lot.id}>
                {lot.code}
              </option>
            ))}
          </select>
          {split ? (
            <>
              <label htmlFor={`qty-${line.id}-${i}`}>{t("lotQuantity", { number: i + 1 })}</label>
              <input id={`qty-${line.id}-${i}`} name={`qty:${line.id}:${i}`} type="number" inputMode="numeric" min={1} max={line.quantity} required />
            </>
          ) : null}
        </div>
      ))}
      {rows < Math.min(line.lots.length, line.quantity) ? (
        <button type="button" className="button-secondary" onClick={() => setRows(rows + 1)}>
          {t("addLot")}
        </button>
      ) : null}
    </div>
  )
}

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
          <LineLots key={line.id} line={line} />
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
