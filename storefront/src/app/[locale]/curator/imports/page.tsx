import { getTranslations, setRequestLocale } from "next-intl/server"
import { ImportConsole } from "@/components/curator/import-console"
import { listImports } from "@/lib/data/curator"
import { formatDateTime } from "@/lib/format"
import { signedIn } from "../signed-in"

export const dynamic = "force-dynamic"

/** Import a provincial list: upload, watch it go in, read what was refused; below, the province's earlier imports. */
export default async function CuratorImportsPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params
  setRequestLocale(locale)
  const t = await getTranslations("curator.imports")
  const { imports } = await signedIn(locale, () => listImports())
  return (
    <article>
      <h1>{t("title")}</h1>
      <ImportConsole />
      <h2 id="import-history-title">{t("history")}</h2>
      {imports.length ? (
        <table className="register import-history" aria-labelledby="import-history-title">
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("fileName")}</th>
              <th scope="col">{t("who")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("created")}</th>
              <th scope="col">{t("updated")}</th>
              <th scope="col">{t("unchanged")}</th>
              <th scope="col">{t("rejected")}</th>
            </tr>
          </thead>
          <tbody>
            {imports.map((run) => (
              <tr key={run.id}>
                <td data-label={t("when")}>{formatDateTime(run.created_at, locale)}</td>
                <th scope="row" data-label={t("fileName")}>
                  {run.file_name}
                </th>
                <td data-label={t("who")}>{run.curator.email ?? "—"}</td>
                <td data-label={t("status")}>{t(`statuses.${run.status}`)}</td>
                <td data-label={t("created")}>{run.created}</td>
                <td data-label={t("updated")}>{run.updated}</td>
                <td data-label={t("unchanged")}>{run.unchanged}</td>
                <td data-label={t("rejected")}>
                  {run.rejected}
                  {run.errors_total ? (
                    <>
                      {" · "}
                      <a href={`/api/curator/imports/${run.id}/report`} download>
                        {t("report")}
                      </a>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("historyEmpty")}</p>
      )}
    </article>
  )
}
