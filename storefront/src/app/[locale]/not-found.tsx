import { useTranslations } from "next-intl"
import { Link } from "@/i18n/link"

export default function NotFound() {
  const t = useTranslations("site")
  return (
    <article>
      <h1>{t("notFound")}</h1>
      <Link href="/search">{t("nav.catalogue")}</Link>
    </article>
  )
}
