"use client"

import { useActionState } from "react"
import { useLocale, useTranslations } from "next-intl"
import { updateListing, uploadPhotos } from "@/lib/actions/portal"
import type { FormState } from "@/lib/actions/form-state"
import type { VendorProduct } from "@/lib/data/vendor"

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <span id={id} className="field-error">
      {message}
    </span>
  ) : null
}

export function ListingForm({ product }: { product: VendorProduct }) {
  const t = useTranslations("portal")
  const locale = useLocale()
  const [state, action, pending] = useActionState<FormState, FormData>(updateListing, {})
  const errors = state.fields ?? {}
  const invalid = (name: string) => (errors[name] ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {})
  return (
    <form action={action} className="stack-form" noValidate>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="product_id" value={product.id} />
      {state.error ? (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      ) : null}
      {state.ok ? (
        <p role="status" className="form-ok">
          {t("saved")}
        </p>
      ) : null}
      <label htmlFor="title">{t("title")}</label>
      <input id="title" name="title" defaultValue={product.title} {...invalid("title")} />
      <FieldError id="title-error" message={errors.title} />
      <label htmlFor="description">{t("description")}</label>
      <textarea id="description" name="description" rows={5} defaultValue={product.description ?? ""} {...invalid("description")} />
      <FieldError id="description-error" message={errors.description} />
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
          <label htmlFor={`price_${variant.id}`}>{t("priceVnd")}</label>
          <input
            id={`price_${variant.id}`}
            name={`price_${variant.id}`}
            type="number"
            inputMode="numeric"
            min={0}
            step={1000}
            defaultValue={variant.price_vnd ?? ""}
            {...invalid(`price_${variant.id}`)}
          />
          <FieldError id={`price_${variant.id}-error`} message={errors[`price_${variant.id}`]} />
          {variant.stock !== null ? (
            <>
              <label htmlFor={`stock_${variant.id}`}>{t("stock")}</label>
              <input
                id={`stock_${variant.id}`}
                name={`stock_${variant.id}`}
                type="number"
                inputMode="numeric"
                min={0}
                defaultValue={variant.stock}
                {...invalid(`stock_${variant.id}`)}
              />
              <FieldError id={`stock_${variant.id}-error`} message={errors[`stock_${variant.id}`]} />
            </>
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
      {state.error ? (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      ) : null}
      {state.ok ? (
        <p role="status" className="form-ok">
          {t("uploaded")}
        </p>
      ) : null}
      <button type="submit" className="button-primary" disabled={pending}>
        {pending ? t("uploading") : t("upload")}
      </button>
    </form>
  )
}
