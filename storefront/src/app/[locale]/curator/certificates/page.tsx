import { STAR_TIERS } from "@ocop/domain"
import { getTranslations, setRequestLocale } from "next-intl/server"
import { Link } from "@/i18n/link"
import { listRegister, readCuratorMe } from "@/lib/data/curator"
import { CERTIFICATE_SORTS, CERTIFICATE_STATUSES } from "@ocop/contracts"
import { REGISTER_PAGE_SIZE, registerQuery, type RegisterQuery } from "@/lib/curator/schemas"
import { formatDate } from "@/lib/format"
import { signedIn } from "../signed-in"

export const dynamic = "force-dynamic"

/** The register's state lives in the URL (a GET form), so a filtered page can be bookmarked and shared. */
function pageHref(query: RegisterQuery, page: number) {
  const params: Record<string, string> = {}
  for (const [key, value] of Object.entries({ ...query, page }))
    if (value !== undefined && !(key === "page" && value === 1)) params[key] = String(value)
  return { pathname: "/curator/certificates", query: params }
}

export default async function CertificateRegisterPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("curator")
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))
  const query = registerQuery.parse(raw)
  const [me, register] = await signedIn(locale, () => Promise.all([readCuratorMe(), listRegister(query)]))
  const pages = Math.max(1, Math.ceil(register.count / REGISTER_PAGE_SIZE))
  return (
    <article>
      <h1>{t("register")}</h1>
      <form method="get" className="register-filters" aria-label={t("filters")}>
        <div>
          <label htmlFor="f-q">{t("search")}</label>
          <input id="f-q" name="q" type="search" defaultValue={query.q ?? ""} />
        </div>
        <div>
          <label htmlFor="f-status">{t("statusLabel")}</label>
          <select id="f-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("any")}</option>
            {CERTIFICATE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-stars">{t("starsLabel")}</label>
          <select id="f-stars" name="stars" defaultValue={query.stars ? String(query.stars) : ""}>
            <option value="">{t("any")}</option>
            {STAR_TIERS.map((n) => (
              <option key={n} value={n}>
                {t("starsTier", { stars: n })}
              </option>
            ))}
          </select>
        </div>
        {me.provinces.length > 1 ? (
          <div>
            <label htmlFor="f-province">{t("provinceLabel")}</label>
            <select id="f-province" name="province" defaultValue={query.province ?? ""}>
              <option value="">{t("any")}</option>
              {me.provinces.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div>
          <label htmlFor="f-sort">{t("sortLabel")}</label>
          <select id="f-sort" name="sort" defaultValue={query.sort ?? "-decision_date"}>
            {CERTIFICATE_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit" className="button-primary">
            {t("apply")}
          </button>
          <Link href="/curator/certificates">{t("clear")}</Link>
        </div>
      </form>
      <p role="status">{t("found", { count: register.count })}</p>
      {register.certificates.length ? (
        <table className="register">
          <thead>
            <tr>
              <th scope="col">{t("product")}</th>
              <th scope="col">{t("producer")}</th>
              <th scope="col">{t("stars")}</th>
              <th scope="col">{t("decision")}</th>
              <th scope="col">{t("validUntil")}</th>
              <th scope="col">{t("statusLabel")}</th>
            </tr>
          </thead>
          <tbody>
            {register.certificates.map((c) => (
              <tr key={c.id}>
                <th scope="row" data-label={t("product")}>
                  <Link href={`/curator/certificates/${c.id}`}>{c.product?.title ?? c.id}</Link>
                </th>
                <td data-label={t("producer")}>{c.producer?.name ?? "—"}</td>
                <td data-label={t("stars")}>{t("starsTier", { stars: c.stars })}</td>
                <td data-label={t("decision")}>
                  {c.decision_number ?? t("notSet")}
                  {c.decision_date ? ` · ${formatDate(c.decision_date, locale)}` : ""}
                </td>
                <td data-label={t("validUntil")}>{c.valid_until ? formatDate(c.valid_until, locale) : t("notSet")}</td>
                <td data-label={t("statusLabel")}>
                  <span className={`status-tag status status-${c.status}`}>{t(`status.${c.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("nothingFound")}</p>
      )}
      {pages > 1 ? (
        <nav aria-label={t("pagination")} className="pagination">
          {query.page > 1 ? <Link href={pageHref(query, query.page - 1)}>{t("previous")}</Link> : null}
          <span>{t("page", { page: query.page, pages })}</span>
          {query.page < pages ? <Link href={pageHref(query, query.page + 1)}>{t("next")}</Link> : null}
        </nav>
      ) : null}
    </article>
  )
}
