import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { ListEditor } from "@/components/curator/list-forms"
import { readCuratorMe } from "@/lib/data/curator"
import { signedIn } from "../../signed-in"

export const dynamic = "force-dynamic"

/** A new list: saved as a draft, then its own page adds the cover and publishes it. */
export default async function NewCuratorListPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("curator.lists")
  const me = await signedIn(locale, () => readCuratorMe())
  return (
    <article>
      <p>
        <Link href="/curator/lists">← {t("backToLists")}</Link>
      </p>
      <h1>{t("newTitle")}</h1>
      <ListEditor products={[]} provinces={me.provinces} />
    </article>
  )
}
