import "server-only"
import { NextResponse, type NextRequest } from "next/server"

/**
 * Streams a file the backend hands only to a signed-in actor (whose token sits in an httpOnly cookie the browser
 * cannot attach) back to the browser: private, with the backend's type and file name. Without a session the browser
 * goes to `signInPath`; the backend's 4xx answers pass through, anything else is the shop's error.
 */
export async function forwardDownload(
  request: NextRequest,
  download: () => Promise<Response>,
  signIn: { isSignedOut: (error: unknown) => boolean; path: string }
): Promise<Response> {
  let upstream: Response
  try {
    upstream = await download()
  } catch (error) {
    if (signIn.isSignedOut(error)) return NextResponse.redirect(new URL(signIn.path, request.url))
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
