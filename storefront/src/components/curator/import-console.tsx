"use client"

import { useActionState, useEffect, useState } from "react"
import { useLocale, useTranslations } from "next-intl"
import { useRouter } from "@/i18n/navigation"
import { readImportProgress, uploadImportList, type ImportUploadState } from "@/lib/actions/curator"
import type { ImportRun } from "@ocop/contracts"
import { FormOutcome } from "../form-field"

// How often the page asks how far the import has got: a few hundred rows take seconds.
const POLL_MS = 700

/** The counts of one import, as the console and the history read them. */
export function ImportSummary({ run }: { run: ImportRun }) {
  const t = useTranslations("curator.imports")
  const counts = ["read", "created", "updated", "unchanged", "rejected"] as const
  return (
    <dl className="console-stats import-summary">
      {counts.map((count) => (
        <div key={count}>
          <dt>{t(count)}</dt>
          <dd>{run[count]}</dd>
        </div>
      ))}
    </dl>
  )
}

/**
 * Upload form, progress bar and summary of the import just started. The upload answers at once with the run; the
 * rows are written afterwards in chunks, and the bar follows the run until it is done (or failed).
 */
export function ImportConsole() {
  const t = useTranslations("curator.imports")
  const locale = useLocale()
  const [state, action, pending] = useActionState<ImportUploadState, FormData>(uploadImportList, {})
  const router = useRouter()
  const [run, setRun] = useState<ImportRun | undefined>(undefined)
  const current = run?.id === state.run?.id ? run : state.run

  useEffect(() => {
    if (!state.run || state.run.status !== "running") return
    let stopped = false
    const poll = async () => {
      while (!stopped) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS))
        if (stopped) return
        const next = await readImportProgress(state.run!.id).catch(() => undefined)
        if (!next || stopped) continue
        setRun(next)
        if (next.status !== "running") {
          // The history table below is the server's: read it again to show the finished run.
          router.refresh()
          return
        }
      }
    }
    void poll()
    return () => {
      stopped = true
    }
  }, [state.run, router])

  const running = pending || current?.status === "running"
  const progress = pending ? 0 : (current?.progress ?? 0)
  return (
    <section aria-labelledby="import-upload-title" className="import-console">
      <h2 id="import-upload-title">{t("uploadTitle")}</h2>
      <p>{t("uploadLead")}</p>
      <form action={action} className="stack-form">
        <input type="hidden" name="locale" value={locale} />
        <FormOutcome error={state.error} />
        <label htmlFor="import-file">{t("file")}</label>
        <input
          id="import-file"
          name="file"
          type="file"
          required
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-describedby="import-file-hint"
        />
        <span id="import-file-hint" className="hint">
          {t("fileHint")}
        </span>
        <button type="submit" className="button-primary" disabled={running}>
          {t("upload")}
        </button>
      </form>
      {pending || current ? (
        <div className="import-progress" aria-live="polite">
          <p id="import-progress-label">
            {pending
              ? t("uploading")
              : current!.status === "running"
                ? t("writing", { processed: current!.processed, total: current!.total })
                : current!.status === "done"
                  ? t("finished", { file: current!.file_name })
                  : t("failed", { file: current!.file_name })}
          </p>
          <div
            role="progressbar"
            aria-labelledby="import-progress-label"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress}
            aria-valuetext={`${progress}%`}
            className="progress-track"
          >
            <div className="progress-fill" style={{ width: `${progress}%` }} />
          </div>
          {current && current.status !== "running" ? (
            <>
              {current.failure ? (
                <p role="alert" className="form-error">
                  {current.failure}
                </p>
              ) : null}
              <ImportSummary run={current} />
              {current.errors_total ? (
                <p>
                  <a href={`/api/curator/imports/${current.id}/report`} download>
                    {t("downloadReport", { count: current.errors_total })}
                  </a>
                </p>
              ) : (
                <p>{t("noErrors")}</p>
              )}
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}
