import { timingSafeEqual } from "node:crypto"
import { revalidateTag } from "next/cache"
import { NextResponse } from "next/server"
import { env } from "@/lib/env"
import { CATALOG_TAG } from "@/lib/medusa"

function sameSecret(given: string | null) {
  const a = Buffer.from(given ?? "")
  const b = Buffer.from(env.REVALIDATE_SECRET)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Called by the backend when a product, price, certificate or producer changes: every catalogue page drops its
 * cached copy and the next visitor gets fresh data. Only a caller holding the shared secret may do it.
 */
export async function POST(request: Request) {
  if (!sameSecret(request.headers.get("x-revalidate-secret"))) {
    return NextResponse.json({ message: "x-revalidate-secret: missing or wrong" }, { status: 401 })
  }
  revalidateTag(CATALOG_TAG, { expire: 0 })
  return NextResponse.json({ revalidated: CATALOG_TAG, at: new Date().toISOString() })
}
