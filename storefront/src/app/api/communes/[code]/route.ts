import { NextResponse } from "next/server"
import { listCommunes } from "@/lib/data/catalog"

export async function GET(_: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params
  if (!/^\d{2}$/.test(code)) return NextResponse.json({ message: "code: a two-digit province code" }, { status: 400 })
  return NextResponse.json({ communes: await listCommunes(code) }, { headers: { "cache-control": "public, max-age=86400" } })
}
