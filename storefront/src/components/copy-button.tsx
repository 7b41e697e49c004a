"use client"

import { useState } from "react"
import { useTranslations } from "next-intl"

/** Copies one transfer detail, so a buyer paying from the same phone never retypes an account number. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useTranslations("order")
  const [copied, setCopied] = useState(false)
  return (
    <button
      type="button"
      className="copy-button"
      aria-label={`${t("copy")}: ${label}`}
      onClick={async () => {
        await navigator.clipboard.writeText(value)
        setCopied(true)
        setTimeout(() => setCopied(false), 2000)
      }}
    >
      <span aria-live="polite">{copied ? t("copied") : t("copy")}</span>
    </button>
  )
}
