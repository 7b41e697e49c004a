import { NextResponse, type NextRequest } from "next/server"
import { z } from "zod"
import { CuratorNotSignedIn, downloadRegisterExport } from "@/lib/data/curator"
import { forwardDownload } from "@/lib/forward-download"

const file = z.enum(["register.xlsx", "register.csv"])
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
// The backend checks the period and the province again; only these pass through, nothing else of the URL.
const period = z.object({
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  province: z.string().max(100).optional().catch(undefined),
})

/**
 * GET /api/curator/exports/register.xlsx|register.csv — the register download. The backend wants the curator's
 * token, which lives in an httpOnly cookie the browser cannot attach: the shop forwards it and streams the file
 * back with the backend's own name (Content-Disposition). Without a session the browser goes to the sign-in page.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  const name = file.safeParse((await params).file)
  if (!name.success) return NextResponse.json({ message: "file: register.xlsx hoặc register.csv / register.xlsx or register.csv" }, { status: 404 })
  const query = Object.fromEntries(
    Object.entries(period.parse(Object.fromEntries(request.nextUrl.searchParams))).filter(([, v]) => v !== undefined)
  ) as Record<string, string>
  return forwardDownload(request, () => downloadRegisterExport(name.data, query), {
    isSignedOut: (error) => error instanceof CuratorNotSignedIn,
    path: "/vi/curator/login",
  })
}
