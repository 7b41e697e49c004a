import { answerQr } from "@/lib/lot-resolver"

export const dynamic = "force-dynamic"

/** /l/{public code}: the short QR path of a lot whose product has no GTIN. */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params
  return answerQr(request, { code: code.toUpperCase() })
}
