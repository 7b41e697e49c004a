import { getLocale, getTranslations } from "next-intl/server"
import { routing } from "@/i18n/routing"
import { LocaleSwitchLink } from "./locale-switch-link"

/** The header's link to the same page in the other language; translated on the server. */
export async function LocaleSwitch() {
  const locale = await getLocale()
  const other = routing.locales.find((l) => l !== locale) ?? routing.defaultLocale
  const t = await getTranslations("site")
  return <LocaleSwitchLink locales={[...routing.locales]} other={other} label={t("switchLanguage")} />
}
