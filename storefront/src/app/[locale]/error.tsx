"use client"

import { useErrorTexts } from "@/components/error-texts"

/**
 * What a buyer sees when a page fails to render (the backend is down, an answer does not match its schema): a
 * plain apology in their language, a retry and a way back to the catalogue, instead of Next's bare error screen.
 * The error's details stay in the server log; only its digest reaches the browser.
 */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // The layout always provides the texts; the bilingual fallback only guards a boundary rendered outside it.
  const texts = useErrorTexts() ?? {
    title: "Đã có lỗi xảy ra / Something went wrong",
    lead: "",
    retry: "Thử lại / Retry",
    catalogue: "Sản phẩm / Products",
    catalogueHref: "/vi/search",
  }
  return (
    <article role="alert">
      <h1>{texts.title}</h1>
      {texts.lead ? <p>{texts.lead}</p> : null}
      <p>
        <button type="button" onClick={reset}>
          {texts.retry}
        </button>{" "}
        <a href={texts.catalogueHref}>{texts.catalogue}</a>
      </p>
    </article>
  )
}
