import "server-only"
import { NextResponse } from "next/server"
import { resolveLot } from "./data/lots"
import { answerResolution } from "./lots"

/**
 * A QR's answer (GS1 Digital Link manners): 307 to the scan page, 303 to the product page for an unknown lot, 410 with
 * a plain message for a withdrawn code. `serial` (GS1 AI 21) is the unit's serial, null when malformed; the resolver only
 * redirects — the serial page records the check. QR codes carry no locale, so the text is Vietnamese, then English.
 */
export async function answerQr(request: Request, query: { code: string } | { gtin: string; lot: string }, serial?: string | null) {
  const answer = serial === null ? answerResolution(null) : answerResolution(await resolveLot(query), serial)
  if (answer.kind === "redirect") return NextResponse.redirect(new URL(answer.location, request.url), answer.status)
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${answer.status === 410 ? "Mã lô đã bị rút lại" : "Mã QR không hợp lệ"}</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5">
<h1>${answer.status === 410 ? "Mã lô đã bị rút lại" : "Mã QR không hợp lệ"}</h1>
${answer.message
  .split("\n")
  .map((line, i) => `<p${i ? ' lang="en"' : ""}>${line.replace(/[<>&]/g, "")}</p>`)
  .join("\n")}
<p><a href="/vi">Về trang chủ chợ OCOP</a> · <a href="/en" lang="en">OCOP marketplace (English)</a></p>
</body></html>`
  return new NextResponse(html, { status: answer.status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } })
}
