import type { NextRequest } from "next/server"
import { z } from "zod"
import { downloadLabelSheet } from "@/lib/data/lots"
import { NotSignedIn } from "@/lib/data/producer"
import { forwardDownload } from "@/lib/forward-download"

const layout = z.enum(["3x8", "2x7"]).catch("3x8")

/**
 * GET /api/portal/lots/:id/label-sheet?layout=3x8|2x7 — the lot's printable QR labels. The backend wants the
 * producer's token, kept in an httpOnly cookie: the shop forwards it and streams the PDF back. Another producer's lot
 * answers the backend's 404; without a session the browser goes to the sign-in page.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  return forwardDownload(request, () => downloadLabelSheet(id, layout.parse(request.nextUrl.searchParams.get("layout"))), {
    isSignedOut: (error) => error instanceof NotSignedIn,
    path: "/vi/portal/login",
  })
}
