import type { Metadata } from "next"
import { routing } from "@/i18n/routing"

/** Shared-link picture for pages without a photo of their own (public/og-default.png, 1200×630). */
export const DEFAULT_OG_IMAGE = "/og-default.png"

export function siteUrl() {
  return process.env.SITE_URL ?? "http://localhost:8000"
}

/** Canonical URL and hreflang alternates of a page that exists in every locale at the same path. */
export function alternates(locale: string, path: string): Metadata["alternates"] {
  const languages: Record<string, string> = Object.fromEntries(routing.locales.map((l) => [l, `/${l}${path}`]))
  languages["x-default"] = `/${routing.defaultLocale}${path}`
  return { canonical: `/${locale}${path}`, languages }
}

/** JSON-LD in a script tag; "<" is escaped so that text from the catalogue cannot close the tag. */
export function jsonLd(data: unknown) {
  return { __html: JSON.stringify(data).replace(/</g, "\\u003c") }
}

/** The public page a certificate's QR code opens. */
export function certificatePageUrl(id: string, locale: string) {
  return `${siteUrl()}/${locale}/certificates/${encodeURIComponent(id)}`
}
