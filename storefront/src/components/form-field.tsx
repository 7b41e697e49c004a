import type { InputHTMLAttributes } from "react"

type Props = { id: string; label: string; error?: string } & InputHTMLAttributes<HTMLInputElement>

/** A labelled input whose error message is announced with it (aria-describedby) and marks it invalid. */
export function FormField({ id, label, error, ...input }: Props) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...input} />
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </>
  )
}

/** The form-wide outcome: an alert for an error, a status line for success. */
export function FormOutcome({ error, ok }: { error?: string; ok?: string }) {
  if (error)
    return (
      <p role="alert" className="form-error">
        {error}
      </p>
    )
  return ok ? (
    <p role="status" className="form-ok">
      {ok}
    </p>
  ) : null
}
