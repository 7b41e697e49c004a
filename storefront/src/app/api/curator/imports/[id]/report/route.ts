import { CuratorNotSignedIn, readImportReport } from "@/lib/data/curator"
import { importId } from "@/lib/curator/schemas"

/**
 * GET /api/curator/imports/:id/report — the error report of one of the curator's imports, downloaded through the
 * shop: the curator's token lives in an httpOnly cookie, so the browser cannot ask the backend itself.
 */
export async function GET(_: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  if (!importId.safeParse(id).success) return new Response("Not found", { status: 404 })
  try {
    const report = await readImportReport(id)
    return new Response(report.body, {
      headers: {
        "content-type": report.headers.get("content-type") ?? "text/csv; charset=utf-8",
        "content-disposition": report.headers.get("content-disposition") ?? 'attachment; filename="import.errors.csv"',
        "cache-control": "private, no-store",
      },
    })
  } catch (error) {
    if (error instanceof CuratorNotSignedIn) return new Response("Unauthorized", { status: 401 })
    // Another province's run answers 404 at the backend: so here too.
    if ((error as { status?: number }).status === 404) return new Response("Not found", { status: 404 })
    throw error
  }
}
