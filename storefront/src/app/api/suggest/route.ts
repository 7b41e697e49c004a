import { NextResponse, type NextRequest } from "next/server"
import { suggestProducts } from "@/lib/data/catalog"
import { stripControlCharacters } from "@/lib/search-state"

export async function GET(request: NextRequest) {
  const q = stripControlCharacters(request.nextUrl.searchParams.get("q") ?? "")
    .trim()
    .slice(0, 100)
  if (!q) return NextResponse.json({ suggestions: [] })
  return NextResponse.json({ suggestions: await suggestProducts(q) }, { headers: { "cache-control": "public, max-age=30" } })
}
