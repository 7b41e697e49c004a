"use client"

import { createContext, useContext } from "react"

export type ErrorTexts = { title: string; lead: string; retry: string; catalogue: string; catalogueHref: string }

/**
 * The error boundary must be a client component; its few texts come from the layout, translated on the server,
 * through this context, so no page ships the translation runtime just in case it fails.
 */
const ErrorTextsContext = createContext<ErrorTexts | null>(null)

export function ErrorTextsProvider({ texts, children }: { texts: ErrorTexts; children: React.ReactNode }) {
  return <ErrorTextsContext value={texts}>{children}</ErrorTextsContext>
}

export function useErrorTexts(): ErrorTexts | null {
  return useContext(ErrorTextsContext)
}
