import { NextResponse, type NextRequest } from "next/server"
import { CuratorNotSignedIn, findProvinceProducts } from "@/lib/data/curator"
import { stripControlCharacters } from "@/lib/search-state"

/**
 * GET /api/curator/products?q= — the featured-list editor's search: products of the signed-in curator's provinces
 * (the backend scopes the register by the session's token). Never cached: the answer is one curator's.
 */
export async function GET(request: NextRequest) {
  const q = stripControlCharacters(request.nextUrl.searchParams.get("q") ?? "")
    .trim()
    .slice(0, 200)
  if (!q) return NextResponse.json({ message: "q: nhập tên sản phẩm / type a product name" }, { status: 400 })
  try {
    return NextResponse.json({ products: await findProvinceProducts(q) }, { headers: { "cache-control": "private, no-store" } })
  } catch (error) {
    if (error instanceof CuratorNotSignedIn) return NextResponse.json({ message: "Chưa đăng nhập / not signed in" }, { status: 401 })
    throw error
  }
}
