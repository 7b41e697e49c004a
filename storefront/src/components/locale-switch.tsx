"use client"

import { useLocale, useTranslations } from "next-intl"
import { Link, usePathname } from "@/i18n/navigation"

export function LocaleSwitch() {
  const locale = useLocale()
  const pathname = usePathname()
  const t = useTranslations("site")
  const other = locale === "vi" ? "en" : "vi"
  return (
    <Link href={pathname} locale={other} hrefLang={other} lang={other} aria-label={t("switchLanguage")}>
      {other === "en" ? "EN" : "VI"}
    </Link>
  )
}
