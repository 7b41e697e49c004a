import { NextResponse, type NextRequest } from "next/server"
import { z } from "zod"
import { CuratorNotSignedIn, downloadRegisterExport } from "@/lib/data/curator"

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
  let upstream: Response
  try {
    upstream = await downloadRegisterExport(name.data, query)
  } catch (error) {
    if (error instanceof CuratorNotSignedIn) return NextResponse.redirect(new URL("/vi/curator/login", request.url))
    const status = (error as { status?: number }).status
    if (status && status < 500) return NextResponse.json({ message: (error as Error).message }, { status })
    throw error
  }
  const headers = new Headers({ "cache-control": "private, no-store" })
  // Not Content-Length: fetch has already undone any compression, so the backend's length may not be this body's.
  for (const header of ["content-type", "content-disposition"]) {
    const value = upstream.headers.get(header)
    if (value) headers.set(header, value)
  }
  return new Response(upstream.body, { status: 200, headers })
}
