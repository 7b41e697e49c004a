import type { Metadata } from "next"
import { parseSearchState, type RawSearchParams } from "@/lib/search-state"
import { searchMetadata, SearchView } from "./search-view"

// Rendered per request. The proxy sends every search whose state fits a cache key to ./[state] (served from the
// shared cache); this page answers the rest: states too long to be a file name in Next's page cache.
export const dynamic = "force-dynamic"

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<RawSearchParams> }

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  return searchMetadata((await params).locale, parseSearchState(await searchParams))
}

export default async function SearchPage({ params, searchParams }: Props) {
  return <SearchView locale={(await params).locale} state={parseSearchState(await searchParams)} />
}
