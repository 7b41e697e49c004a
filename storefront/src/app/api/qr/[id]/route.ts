import QRCode from "qrcode"
import { NextResponse, type NextRequest } from "next/server"
import { certificatePageUrl } from "@/lib/seo"

/**
 * The QR code a producer prints on the package: it opens the public certificate page. PNG for print shops,
 * SVG for designers. Ids are checked by shape; the page itself says whether the certificate exists.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  if (!/^ocert_[0-9A-Z]{10,40}$/.test(id)) return NextResponse.json({ message: "id: not a certificate id" }, { status: 400 })
  const locale = request.nextUrl.searchParams.get("locale") === "en" ? "en" : "vi"
  const target = certificatePageUrl(id, locale)
  const headers = { "cache-control": "public, max-age=31536000, immutable" }
  if (request.nextUrl.searchParams.get("format") === "png") {
    const png = await QRCode.toBuffer(target, { type: "png", width: 600, margin: 2, errorCorrectionLevel: "M" })
    return new NextResponse(new Uint8Array(png), { headers: { ...headers, "content-type": "image/png" } })
  }
  const svg = await QRCode.toString(target, { type: "svg", margin: 2, errorCorrectionLevel: "M" })
  return new NextResponse(svg, { headers: { ...headers, "content-type": "image/svg+xml" } })
}
