"use client"

import type { Suggestion } from "@ocop/contracts"
import { useEffect, useId, useRef, useState } from "react"
import { useRouter } from "next/navigation"

export type SearchLabels = Record<"label" | "placeholder" | "submit" | "suggestions", string>

/**
 * A plain GET form (works without JavaScript) that, with JavaScript, suggests products as the buyer types:
 * an ARIA combobox, arrow keys to move, Enter to open, Escape to close.
 */
export function SearchCombobox({ locale, labels, defaultValue = "" }: { locale: string; labels: SearchLabels; defaultValue?: string }) {
  const router = useRouter()
  const listId = useId()
  const [query, setQuery] = useState(defaultValue)
  const [suggestions, setSuggestions] = useState<Suggestion[]>([])
  const [active, setActive] = useState(-1)
  const [open, setOpen] = useState(false)
  const latest = useRef("")

  useEffect(() => {
    const q = query.trim()
    latest.current = q
    if (q.length < 2) return
    // Wait for a pause in typing; drop answers that arrive after the buyer typed on.
    const timer = setTimeout(async () => {
      const response = await fetch(`/api/suggest?q=${encodeURIComponent(q)}`).catch(() => null)
      if (!response?.ok || latest.current !== q) return
      const data = (await response.json()) as { suggestions: Suggestion[] }
      setSuggestions(data.suggestions)
      setActive(-1)
      setOpen(true)
    }, 150)
    return () => clearTimeout(timer)
  }, [query])

  // Under two letters nothing is suggested; older suggestions are hidden rather than cleared in the effect.
  const shown = query.trim().length < 2 ? [] : suggestions
  const expanded = open && shown.length > 0
  return (
    <form action={`/${locale}/search`} method="get" role="search" className="search-box" onSubmit={() => setOpen(false)}>
      <label htmlFor={`${listId}-input`} className="visually-hidden">
        {labels.label}
      </label>
      <input
        id={`${listId}-input`}
        name="q"
        type="search"
        value={query}
        placeholder={labels.placeholder}
        autoComplete="off"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${listId}-list`}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        onChange={(e) => setQuery(e.target.value)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (!expanded) return
          if (e.key === "ArrowDown") {
            e.preventDefault()
            setActive((i) => (i + 1) % shown.length)
          } else if (e.key === "ArrowUp") {
            e.preventDefault()
            setActive((i) => (i <= 0 ? shown.length - 1 : i - 1))
          } else if (e.key === "Escape") {
            setOpen(false)
          } else if (e.key === "Enter" && active >= 0) {
            e.preventDefault()
            router.push(`/${locale}/products/${shown[active].handle}`)
          }
        }}
      />
      <button type="submit">{labels.submit}</button>
      <ul id={`${listId}-list`} role="listbox" className="suggestions" hidden={!expanded} aria-label={labels.suggestions}>
        {shown.map((s, i) => (
          <li
            key={s.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault()
              router.push(`/${locale}/products/${s.handle}`)
            }}
          >
            {s.title}
            {s.stars ? <span className="suggestion-stars"> {"★".repeat(s.stars)}</span> : null}
          </li>
        ))}
      </ul>
    </form>
  )
}
