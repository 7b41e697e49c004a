"use client"

import { usePathname } from "next/navigation"

/**
 * Only the current path is known in the browser (the layout is shared by every page); the link swaps its locale
 * prefix. A plain link: switching language reloads the page in the other language. The choice is remembered here,
 * in next-intl's cookie (read when the buyer next opens "/"): the catalogue pages cached for everyone are served
 * without the proxy, so no middleware sees the switch (src/proxy.ts).
 */
export function LocaleSwitchLink({ locales, other, label }: { locales: string[]; other: string; label: string }) {
  const pathname = usePathname() ?? "/"
  const [, first, ...rest] = pathname.split("/")
  const tail = locales.includes(first) ? rest : [first, ...rest].filter(Boolean)
  const href = `/${[other, ...tail].join("/")}`
  return (
    <a href={href} hrefLang={other} lang={other} aria-label={label} onClick={() => (document.cookie = `NEXT_LOCALE=${other}; path=/; samesite=lax`)}>
      {other.toUpperCase()}
    </a>
  )
}
