import { getLocale, getTranslations } from "next-intl/server"
import { SearchCombobox } from "./search-combobox"

/** The header's search form; texts translated on the server so catalogue pages ship no translation runtime. */
export async function SearchBox({ defaultValue }: { defaultValue?: string }) {
  const t = await getTranslations("search")
  const labels = { label: t("label"), placeholder: t("placeholder"), submit: t("submit"), suggestions: t("suggestions") }
  return <SearchCombobox locale={await getLocale()} labels={labels} defaultValue={defaultValue} />
}
