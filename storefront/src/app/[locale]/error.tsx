"use client"

import { useTranslations } from "next-intl"
import { Link } from "@/i18n/navigation"

/**
 * What a buyer sees when a page fails to render (the backend is down, an answer does not match its schema): a
 * plain apology in their language, a retry and a way back to the catalogue, instead of Next's bare error screen.
 * The error's details stay in the server log; only its digest reaches the browser.
 */
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("site")
  return (
    <article role="alert">
      <h1>{t("error")}</h1>
      <p>{t("errorLead")}</p>
      <p>
        <button type="button" onClick={reset}>
          {t("retry")}
        </button>{" "}
        <Link href="/search">{t("nav.catalogue")}</Link>
      </p>
    </article>
  )
}
