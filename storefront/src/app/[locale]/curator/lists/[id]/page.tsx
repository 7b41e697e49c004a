import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { ListCoverForm, ListEditor, ListStatusForm } from "@/components/curator/list-forms"
import { readCuratorFeaturedList, readListProducts } from "@/lib/data/curator"
import { vietnamDay } from "@/lib/format"
import { readOrNotFound, signedIn } from "../../signed-in"

export const dynamic = "force-dynamic"

export default async function CuratorListPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale, id } = await params
  setRequestLocale(locale)
  const t = await getTranslations("curator.lists")
  const list = await signedIn(locale, () => readOrNotFound(() => readCuratorFeaturedList(id)))
  const products = await signedIn(locale, () => readListProducts(list.product_ids))
  return (
    <article>
      <p>
        <Link href="/curator/lists">← {t("backToLists")}</Link>
      </p>
      <h1>{list.title}</h1>
      <p>
        <span className={`status-tag status status-${list.status}`}>{t(`status.${list.status}`)}</span>
        {list.is_active ? (
          <>
            {" · "}
            <Link href={`/lists/${list.handle}`}>{t("viewInShop")}</Link>
          </>
        ) : null}
      </p>
      <ListEditor
        list={{
          id: list.id,
          title: list.title,
          description: list.description,
          starts_at: vietnamDay(list.starts_at),
          ends_at: vietnamDay(list.ends_at),
        }}
        products={products}
      />
      <div className="console-forms">
        <ListCoverForm listId={list.id} coverUrl={list.cover?.url ?? null} />
        <ListStatusForm listId={list.id} status={list.status} />
      </div>
    </article>
  )
}
