"use client"

import { useActionState } from "react"
import { useLocale, useTranslations } from "next-intl"
import { addPackSize, updateListing, uploadPhotos } from "@/lib/actions/portal"
import type { FormState } from "@/lib/actions/form-state"
import type { ProducerProduct } from "@ocop/contracts"
import { FormField, FormOutcome } from "../form-field"

export function ListingForm({ product }: { product: ProducerProduct }) {
  const t = useTranslations("portal")
  const locale = useLocale()
  const [state, action, pending] = useActionState<FormState, FormData>(updateListing, {})
  const errors = state.fields ?? {}
  const invalid = (name: string) => (errors[name] ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {})
  return (
    <form action={action} className="stack-form" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="product_id" value={product.id} />
      <FormOutcome error={state.error} ok={state.ok ? t("saved") : undefined} />
      <FormField id="title" name="title" label={t("title")} defaultValue={product.title} error={errors.title} />
      <label htmlFor="description">{t("description")}</label>
      <textarea id="description" name="description" rows={5} defaultValue={product.description ?? ""} {...invalid("description")} />
      {errors.description ? (
        <span id="description-error" className="field-error">
          {errors.description}
        </span>
      ) : null}
      <fieldset>
        <legend>{t("statusLabel")}</legend>
        <label className="radio-row">
          <input type="radio" name="status" value="published" defaultChecked={product.status === "published"} />
          {t("status.published")}
        </label>
        <label className="radio-row">
          <input type="radio" name="status" value="draft" defaultChecked={product.status !== "published"} />
          {t("status.draft")}
        </label>
      </fieldset>
      {product.variants.map((variant) => (
        <fieldset key={variant.id}>
          <legend>{variant.title}</legend>
          <input type="hidden" name="variant_id" value={variant.id} />
          <FormField
            id={`price_${variant.id}`}
            name={`price_${variant.id}`}
            label={t("priceVnd")}
            type="number"
            inputMode="numeric"
            min={0}
            step={1000}
            defaultValue={variant.price_vnd ?? ""}
            error={errors[`price_${variant.id}`]}
          />
          {variant.stock !== null ? (
            <FormField
              id={`stock_${variant.id}`}
              name={`stock_${variant.id}`}
              label={t("stock")}
              type="number"
              inputMode="numeric"
              min={0}
              defaultValue={variant.stock}
              error={errors[`stock_${variant.id}`]}
            />
          ) : null}
        </fieldset>
      ))}
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </button>
    </form>
  )
}

export function PhotoForm({ productId }: { productId: string }) {
  const t = useTranslations("portal")
  const locale = useLocale()
  const [state, action, pending] = useActionState<FormState, FormData>(uploadPhotos, {})
  return (
    <form action={action} className="stack-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="product_id" value={productId} />
      <label htmlFor="photo-files">{t("addPhotos")}</label>
      <input id="photo-files" name="files" type="file" accept="image/jpeg,image/png,image/webp" multiple aria-describedby="photo-hint" />
      <p id="photo-hint" className="hint">
        {t("photoHint")}
      </p>
      <FormOutcome error={state.error} ok={state.ok ? t("uploaded") : undefined} />
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? t("uploading") : t("upload")}
      </button>
    </form>
  )
}

/** "Thêm quy cách": the first pack size with a price makes a showcase listing purchasable. */
export function PackSizeForm({ productId, first }: { productId: string; first: boolean }) {
  const t = useTranslations("portal")
  const locale = useLocale()
  const [state, action, pending] = useActionState<FormState, FormData>(addPackSize, {})
  const errors = state.fields ?? {}
  return (
    <form action={action} className="stack-form" noValidate data-testid="pack-size-form">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="product_id" value={productId} />
      {first ? <p className="hint">{t("packSizeFirst")}</p> : null}
      <FormOutcome error={state.error} ok={state.ok ? t("packSizeAdded") : undefined} />
      <FormField id="pack_title" name="pack_title" label={t("packTitle")} placeholder={t("packTitleExample")} error={errors.pack_title} />
      <FormField
        id="pack_price"
        name="pack_price"
        label={t("priceVnd")}
        type="number"
        inputMode="numeric"
        min={1000}
        step={1000}
        error={errors.pack_price}
      />
      <FormField id="pack_stock" name="pack_stock" label={t("stockOptional")} type="number" inputMode="numeric" min={0} error={errors.pack_stock} />
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? t("saving") : t("addPackSize")}
      </button>
    </form>
  )
}
