"use client"

import type { CuratorFeaturedList } from "@ocop/contracts"
import { useActionState, useState, type KeyboardEvent } from "react"
import { useTranslations } from "next-intl"
import { saveFeaturedList, setFeaturedListStatus, setListingVisibility, uploadListCover } from "@/lib/actions/curator"
import type { ConsoleFormState as FormState, PickableProduct } from "@/lib/curator/schemas"
import { FormField, FormOutcome } from "../form-field"
import { formKey, LocaleInput, outcome } from "./forms"

type ListFields = Pick<CuratorFeaturedList, "id" | "title" | "description" | "starts_at" | "ends_at">

/** Moves one product a place up (-1) or down (+1); the ends stay put. */
function moveProduct<T>(items: T[], index: number, by: -1 | 1) {
  const target = index + by
  if (target < 0 || target >= items.length) return items
  const next = [...items]
  ;[next[index], next[target]] = [next[target], next[index]]
  return next
}

/**
 * A featured list's fields and its ordered products. Products are found by searching the province's register and
 * ordered with buttons (no drag-only control: a phone, a keyboard and a screen reader can all do it); they are sent
 * as hidden inputs in the order shown. The product order lives outside the form, which is mounted again after a
 * refusal with what the curator typed.
 */
export function ListEditor({
  list,
  products: initial,
  provinces,
}: {
  list?: ListFields
  products: PickableProduct[]
  provinces?: { code: string; name: string }[]
}) {
  const t = useTranslations("curator.lists")
  const tc = useTranslations("curator")
  const [state, action, pending] = useActionState<FormState, FormData>(saveFeaturedList, {})
  const [products, setProducts] = useState(initial)
  const [query, setQuery] = useState("")
  const [found, setFound] = useState<PickableProduct[] | null>(null)
  const [searchError, setSearchError] = useState(false)
  const errors = state.fields ?? {}
  const v = state.values ?? {}

  async function search() {
    const q = query.trim()
    if (!q) return
    setSearchError(false)
    try {
      const response = await fetch(`/api/curator/products?q=${encodeURIComponent(q)}`, { cache: "no-store" })
      if (!response.ok) throw new Error(String(response.status))
      setFound(((await response.json()) as { products: PickableProduct[] }).products)
    } catch {
      setFound(null)
      setSearchError(true)
    }
  }
  // Enter in the search box searches; it must not submit the list's form.
  function searchOnEnter(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return
    event.preventDefault()
    void search()
  }

  return (
    <form key={formKey(state)} action={action} className="stack-form list-editor" noValidate aria-labelledby="list-editor-heading">
      <h2 id="list-editor-heading">{list ? t("editTitle") : t("newTitle")}</h2>
      <LocaleInput />
      {list ? <input type="hidden" name="list_id" value={list.id} /> : null}
      <FormOutcome error={outcome(state, tc("fixFields"))} ok={state.ok ? t("saved") : undefined} />
      <FormField
        id="list-title"
        name="title"
        label={t("name")}
        defaultValue={v.title ?? list?.title ?? ""}
        required
        maxLength={120}
        error={errors.title}
      />
      <label htmlFor="list-description">{t("description")}</label>
      <textarea
        id="list-description"
        name="description"
        rows={3}
        maxLength={2000}
        defaultValue={v.description ?? list?.description ?? ""}
        aria-invalid={errors.description ? true : undefined}
        aria-describedby={errors.description ? "list-description-error" : undefined}
      />
      {errors.description ? (
        <span id="list-description-error" className="field-error">
          {errors.description}
        </span>
      ) : null}
      {!list && provinces && provinces.length > 1 ? (
        <>
          <label htmlFor="list-province">{t("provinceLabel")}</label>
          <select
            id="list-province"
            name="province"
            defaultValue={v.province ?? ""}
            aria-invalid={errors.province ? true : undefined}
            aria-describedby={errors.province ? "list-province-error" : undefined}
          >
            <option value="">—</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
          {errors.province ? (
            <span id="list-province-error" className="field-error">
              {errors.province}
            </span>
          ) : null}
        </>
      ) : null}
      <div className="date-pair">
        <div>
          <FormField
            id="list-starts"
            name="starts_at"
            type="date"
            label={t("startsAt")}
            defaultValue={v.starts_at ?? list?.starts_at ?? ""}
            required
            error={errors.starts_at}
          />
        </div>
        <div>
          <FormField
            id="list-ends"
            name="ends_at"
            type="date"
            label={t("endsAt")}
            defaultValue={v.ends_at ?? list?.ends_at ?? ""}
            required
            error={errors.ends_at}
          />
        </div>
      </div>

      <fieldset aria-describedby={errors.products ? "list-products-error" : undefined}>
        <legend>{t("products")}</legend>
        {errors.products ? (
          <span id="list-products-error" className="field-error">
            {errors.products}
          </span>
        ) : null}
        {products.length ? (
          <ol className="list-products">
            {products.map((product, index) => (
              <li key={product.id}>
                <input type="hidden" name="products" value={product.id} />
                <span className="list-product-name">
                  <strong>{product.title}</strong>
                  {product.producer ? <span className="hint"> · {product.producer}</span> : null}
                </span>
                <span className="list-product-actions">
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => setProducts(moveProduct(products, index, -1))}
                    disabled={index === 0}
                    aria-label={t("moveUpLabel", { title: product.title })}
                  >
                    {t("moveUp")}
                  </button>
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => setProducts(moveProduct(products, index, 1))}
                    disabled={index === products.length - 1}
                    aria-label={t("moveDownLabel", { title: product.title })}
                  >
                    {t("moveDown")}
                  </button>
                  <button
                    type="button"
                    className="button-secondary"
                    onClick={() => setProducts(products.filter((p) => p.id !== product.id))}
                    aria-label={t("removeLabel", { title: product.title })}
                  >
                    {t("remove")}
                  </button>
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="hint">{t("noProducts")}</p>
        )}
        <label htmlFor="list-find">{t("findProducts")}</label>
        <div className="list-find">
          <input id="list-find" type="search" value={query} onChange={(e) => setQuery(e.target.value)} onKeyDown={searchOnEnter} autoComplete="off" />
          <button type="button" className="button-secondary" onClick={() => void search()}>
            {t("findButton")}
          </button>
        </div>
        <p role="status" className="hint">
          {searchError ? t("searchFailed") : found ? t("found", { count: found.length }) : ""}
        </p>
        {found?.length ? (
          <ul className="list-found">
            {found.map((product) => {
              const inList = products.some((p) => p.id === product.id)
              return (
                <li key={product.id}>
                  <span className="list-product-name">
                    {product.title}
                    {product.producer ? <span className="hint"> · {product.producer}</span> : null}
                  </span>
                  <button
                    type="button"
                    className="button-secondary"
                    disabled={inList}
                    onClick={() => setProducts([...products, product])}
                    aria-label={t("addLabel", { title: product.title })}
                  >
                    {inList ? t("added") : t("add")}
                  </button>
                </li>
              )
            })}
          </ul>
        ) : null}
      </fieldset>
      <button type="submit" className="button-primary" disabled={pending}>
        {t("save")}
      </button>
    </form>
  )
}

export function ListCoverForm({ listId, coverUrl }: { listId: string; coverUrl: string | null }) {
  const t = useTranslations("curator.lists")
  const [state, action, pending] = useActionState<FormState, FormData>(uploadListCover, {})
  const error = state.fields?.file
  return (
    <form action={action} className="stack-form" noValidate aria-labelledby="cover-heading">
      <h2 id="cover-heading">{t("coverTitle")}</h2>
      <LocaleInput />
      <input type="hidden" name="list_id" value={listId} />
      <FormOutcome error={state.error} ok={state.ok ? t("coverSaved") : undefined} />
      {/* eslint-disable-next-line @next/next/no-img-element -- the backend already rendered the cover's sizes */}
      {coverUrl ? <img src={coverUrl} alt={t("coverAlt")} className="list-cover" width={480} height={270} /> : null}
      <label htmlFor="cover-file">{t("coverFile")}</label>
      <input
        id="cover-file"
        name="file"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "cover-hint cover-file-error" : "cover-hint"}
      />
      <p id="cover-hint" className="hint">
        {t("coverHint")}
      </p>
      {error ? (
        <span id="cover-file-error" className="field-error">
          {error}
        </span>
      ) : null}
      <button type="submit" className="button-primary" disabled={pending}>
        {t("uploadCover")}
      </button>
    </form>
  )
}

export function ListStatusForm({ listId, status }: { listId: string; status: "draft" | "published" }) {
  const t = useTranslations("curator.lists")
  const [state, action, pending] = useActionState<FormState, FormData>(setFeaturedListStatus, {})
  const next = status === "published" ? "draft" : "published"
  return (
    <form action={action} className="stack-form" aria-labelledby="publish-heading">
      <h2 id="publish-heading">{t("publishTitle")}</h2>
      <p className="hint">{t("publishLead")}</p>
      <input type="hidden" name="list_id" value={listId} />
      <input type="hidden" name="status" value={next} />
      <FormOutcome error={state.error} ok={state.ok ? (status === "published" ? t("published") : t("unpublished")) : undefined} />
      <button type="submit" className={next === "published" ? "button-primary" : "button-secondary"} disabled={pending}>
        {next === "published" ? t("publish") : t("unpublish")}
      </button>
    </form>
  )
}

/** Hide a listing with a reason, or show it again (also with a reason): the history keeps both. */
export function ListingVisibilityForm({ productId, hidden }: { productId: string; hidden: boolean }) {
  const t = useTranslations("curator.visibility")
  const tc = useTranslations("curator")
  const [state, action, pending] = useActionState<FormState, FormData>(setListingVisibility, {})
  const error = state.fields?.reason
  const heading = hidden ? t("unhideTitle") : t("hideTitle")
  return (
    <form key={formKey(state)} action={action} className={`stack-form${hidden ? "" : " danger-form"}`} noValidate aria-label={heading}>
      <h3>{heading}</h3>
      {hidden ? null : <p className="hint">{t("hideLead")}</p>}
      <LocaleInput />
      <input type="hidden" name="product_id" value={productId} />
      <input type="hidden" name="hidden" value={hidden ? "false" : "true"} />
      <FormOutcome error={outcome(state, tc("fixFields"))} ok={state.ok ? (hidden ? t("hiddenOk") : t("shownOk")) : undefined} />
      <FormField
        id="visibility-reason"
        name="reason"
        label={t("reason")}
        defaultValue={state.ok ? "" : (state.values?.reason ?? "")}
        required
        maxLength={500}
        error={error}
      />
      <button type="submit" className={hidden ? "button-primary" : "button-danger"} disabled={pending}>
        {hidden ? t("unhide") : t("hide")}
      </button>
    </form>
  )
}
