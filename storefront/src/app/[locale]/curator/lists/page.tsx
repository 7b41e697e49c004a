import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { listCuratorFeaturedLists, readCuratorMe } from "@/lib/data/curator"
import { formatDate, vietnamDay } from "@/lib/format"
import { signedIn } from "../signed-in"

export const dynamic = "force-dynamic"

/** The province's featured lists: drafts and published ones, each with its dates and how many products it holds. */
export default async function CuratorListsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("curator.lists")
  const [me, { featured_lists: lists }] = await signedIn(locale, () => Promise.all([readCuratorMe(), listCuratorFeaturedLists()]))
  const severalProvinces = me.provinces.length > 1 || me.curator.scope === "national"
  return (
    <article>
      <div className="console-head">
        <h1>{t("title")}</h1>
        <Link href="/curator/lists/new" className="button-primary">
          {t("create")}
        </Link>
      </div>
      <p className="hint">{t("lead")}</p>
      {lists.length ? (
        <table className="register">
          <thead>
            <tr>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("statusLabel")}</th>
              <th scope="col">{t("period")}</th>
              <th scope="col">{t("productCount")}</th>
              {severalProvinces ? <th scope="col">{t("provinceLabel")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {lists.map((list) => (
              <tr key={list.id}>
                <th scope="row" data-label={t("name")}>
                  <Link href={`/curator/lists/${list.id}`}>{list.title}</Link>
                </th>
                <td data-label={t("statusLabel")}>
                  <span className={`status-tag status status-${list.status}`}>{t(`status.${list.status}`)}</span>
                  {list.is_active ? <span className="hint"> · {t("activeNow")}</span> : null}
                </td>
                <td data-label={t("period")}>
                  {formatDate(vietnamDay(list.starts_at), locale)} – {formatDate(vietnamDay(list.ends_at), locale)}
                </td>
                <td data-label={t("productCount")}>{list.product_ids.length}</td>
                {severalProvinces ? <td data-label={t("provinceLabel")}>{list.province?.name ?? "—"}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("empty")}</p>
      )}
    </article>
  )
}
