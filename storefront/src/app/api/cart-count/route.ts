import { NextResponse } from "next/server"
import { countCartItems } from "@/lib/data/cart"

export async function GET() {
  return NextResponse.json({ count: await countCartItems() }, { headers: { "cache-control": "private, no-store" } })
}
