import type { Metadata } from "next"
import { parseSearchStateKey } from "@/lib/search-state"
import { searchMetadata, SearchView } from "../search-view"

/**
 * `/vi/search?…` as the proxy rewrites it: one page per search state (the key is the canonical query, see
 * `searchStateKey`), rendered on its first visit and then served from the shared cache, like a product page, until
 * the backend revalidates the catalogue tag (the search answer is fetched under it).
 */
export const revalidate = 3600
export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ locale: string; state: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, state } = await params
  return searchMetadata(locale, parseSearchStateKey(state))
}

export default async function CachedSearchPage({ params }: Props) {
  const { locale, state } = await params
  return <SearchView locale={locale} state={parseSearchStateKey(state)} />
}
