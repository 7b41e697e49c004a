"use client"

import { useActionState } from "react"
import { useTranslations } from "next-intl"
import { changeOrderPart } from "@/lib/actions/portal"
import type { FormState } from "@/lib/actions/form-state"

/** Confirm delivery (a shipped part) or cancel (before shipping) the producer's own part of an order. */
export function PartActions({ orderId, status }: { orderId: string; status: string }) {
  const t = useTranslations("portal")
  const [state, action, pending] = useActionState<FormState, FormData>(changeOrderPart, {})
  const canCancel = status === "pending" || status === "packed"
  if (status !== "shipped" && !canCancel) return null
  return (
    <form action={action} className="stack-form part-actions">
      <input type="hidden" name="order_id" value={orderId} />
      {status === "shipped" ? (
        <button type="submit" name="action" value="delivery" className="button-primary" disabled={pending}>
          {t("confirmDelivery")}
        </button>
      ) : null}
      {canCancel ? (
        <>
          <p className="hint">{t("cancelPartHint")}</p>
          <button type="submit" name="action" value="cancel" disabled={pending}>
            {t("cancelPart")}
          </button>
        </>
      ) : null}
      {state.error ? (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      ) : null}
    </form>
  )
}
