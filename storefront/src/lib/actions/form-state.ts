import { z } from "zod"

/** What a form action returns to its form: a message for the whole form and one per field. */
export type FormState = {
  error?: string
  fields?: Record<string, string>
  ok?: boolean
  /** what was typed, so a refused form can show it again (React resets a form after its action) */
  values?: Record<string, string>
}

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form")
    fields[key] ??= issue.message
  }
  return fields
}

export function readForm(form: FormData) {
  return Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>
}
