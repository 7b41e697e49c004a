import type { NextRequest } from "next/server"
import { z } from "zod"
import { downloadSerialSheet } from "@/lib/data/lots"
import { NotSignedIn } from "@/lib/data/producer"
import { forwardDownload } from "@/lib/forward-download"

const layout = z.enum(["3x8", "2x7"]).catch("3x8")
// The backend checks the batch belongs to the lot (404 otherwise); here only its shape, so nothing odd is forwarded.
const batch = z
  .string()
  .regex(/^lserb_[A-Za-z0-9]{1,40}$/)
  .catch("")

/**
 * GET /api/portal/lots/:id/serial-sheet?batch=&layout=3x8|2x7 — one batch's serial labels (every label its own QR),
 * streamed from the backend with the producer's session token, as the lot's label sheet is.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const query = request.nextUrl.searchParams
  return forwardDownload(request, () => downloadSerialSheet(id, batch.parse(query.get("batch")), layout.parse(query.get("layout"))), {
    isSignedOut: (error) => error instanceof NotSignedIn,
    path: "/vi/portal/login",
  })
}
