import { answerQr } from "@/lib/lot-resolver"
import { readSerial } from "@/lib/lots"

export const dynamic = "force-dynamic"

/** /l/{public code}/{serial}: the short QR path of one unit's serial when the product has no GTIN. */
export async function GET(request: Request, { params }: { params: Promise<{ code: string; serial: string }> }) {
  const { code, serial } = await params
  return answerQr(request, { code: code.toUpperCase() }, readSerial(serial))
}
