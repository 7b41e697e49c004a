import { NextResponse, type NextRequest } from "next/server"
import { z } from "zod"
import { downloadLabelSheet } from "@/lib/data/lots"
import { NotSignedIn } from "@/lib/data/producer"

const layout = z.enum(["3x8", "2x7"]).catch("3x8")

/**
 * GET /api/portal/lots/:id/label-sheet?layout=3x8|2x7 — the lot's printable QR labels. The backend wants the
 * producer's token, kept in an httpOnly cookie: the shop forwards it and streams the PDF back. Another producer's lot
 * answers the backend's 404; without a session the browser goes to the sign-in page.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  let upstream: Response
  try {
    upstream = await downloadLabelSheet(id, layout.parse(request.nextUrl.searchParams.get("layout")))
  } catch (error) {
    if (error instanceof NotSignedIn) return NextResponse.redirect(new URL("/vi/portal/login", request.url))
    const status = (error as { status?: number }).status
    if (status && status < 500) return NextResponse.json({ message: (error as Error).message }, { status })
    throw error
  }
  const headers = new Headers({ "cache-control": "private, no-store" })
  for (const header of ["content-type", "content-disposition"]) {
    const value = upstream.headers.get(header)
    if (value) headers.set(header, value)
  }
  return new Response(upstream.body, { status: 200, headers })
}
