import { answerQr } from "@/lib/lot-resolver"

export const dynamic = "force-dynamic"

/** /01/{GTIN}/10/{lot}: a GS1 Digital Link (AI 01 the product, AI 10 its batch/lot). */
export async function GET(request: Request, { params }: { params: Promise<{ gtin: string; lot: string }> }) {
  const { gtin, lot } = await params
  return answerQr(request, { gtin, lot: decodeURIComponent(lot) })
}
