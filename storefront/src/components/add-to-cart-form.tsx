"use client"

import type { StoreOcopProduct } from "@ocop/contracts"
import { useActionState, useEffect } from "react"
import { addToCart } from "@/lib/actions/cart"
import { formatVnd } from "@/lib/format"
import type { FormState } from "@/lib/actions/form-state"

type Variant = Pick<StoreOcopProduct["variants"][number], "id" | "title" | "price">
export type AddToCartLabels = Record<"variant" | "quantity" | "adding" | "add" | "soldOut" | "added", string>

export function AddToCartForm({
  variants,
  inStock,
  locale,
  labels,
}: {
  variants: Variant[]
  inStock: boolean
  locale: string
  labels: AddToCartLabels
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(addToCart, {})
  useEffect(() => {
    if (state.ok) window.dispatchEvent(new Event("ocop:cart-changed"))
  }, [state])
  if (!variants.length) return null
  return (
    <form action={action} className="add-to-cart">
      <input type="hidden" name="locale" value={locale} />
      <fieldset>
        <legend>{labels.variant}</legend>
        {variants.map((v, i) => (
          <label key={v.id} className="variant-option">
            <input type="radio" name="variant_id" value={v.id} defaultChecked={i === 0} />
            <span>{v.title}</span>
            <span className="variant-price">{formatVnd(v.price?.amount)}</span>
          </label>
        ))}
      </fieldset>
      <label className="quantity">
        {labels.quantity}
        <input type="number" name="quantity" defaultValue={1} min={1} max={99} inputMode="numeric" />
      </label>
      <button type="submit" className="button-primary" disabled={pending || !inStock}>
        {inStock ? (pending ? labels.adding : labels.add) : labels.soldOut}
      </button>
      <p role="status" className={state.error ? "form-error" : "form-ok"}>
        {state.error ?? (state.ok ? labels.added : "")}
      </p>
    </form>
  )
}
