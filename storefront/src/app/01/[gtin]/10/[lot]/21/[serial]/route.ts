import { answerQr } from "@/lib/lot-resolver"
import { readSerial } from "@/lib/lots"

export const dynamic = "force-dynamic"

/** /01/{GTIN}/10/{lot}/21/{serial}: a GS1 Digital Link naming one unit (AI 21, serial number) of a batch/lot. */
export async function GET(request: Request, { params }: { params: Promise<{ gtin: string; lot: string; serial: string }> }) {
  const { gtin, lot, serial } = await params
  return answerQr(request, { gtin, lot: decodeURIComponent(lot) }, readSerial(serial))
}
