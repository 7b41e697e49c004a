import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { readConfig } from "../../../../../../lib/config"
import { TRACEABILITY_MODULE } from "../../../../../../modules/traceability"
import type TraceabilityModuleService from "../../../../../../modules/traceability/service"
import { serialQrPath } from "../../../../../../traceability/gtin"
import { readPublicLot } from "../../../../../../traceability/read-public-lot"
import { renderLabels } from "../../../../../../traceability/render-label-sheet"
import type { ProducerLotRequest } from "../../../scope"
import type { SerialSheetQuery } from "../../../validators"

/**
 * GET /producer/lots/:id/serials/label-sheet?batch=&layout=3x8|2x7 — an A4 PDF of one batch's labels, each with its
 * own serial QR (GS1 Digital Link with AI 21 when the product has a GTIN, /l/{lot}/{serial} otherwise) and the serial
 * printed small. A batch of another lot answers 404.
 */
export const GET = async (req: ProducerLotRequest<unknown, SerialSheetQuery>, res: MedusaResponse) => {
  const { batch, layout } = req.validatedQuery as unknown as SerialSheetQuery
  const service: TraceabilityModuleService = req.scope.resolve(TRACEABILITY_MODULE)
  const [found] = await service.listLotSerialBatches({ id: batch, lot_id: req.lot.id }, { take: 1 })
  if (!found) throw new MedusaError(MedusaError.Types.NOT_FOUND, "batch: không tìm thấy lượt cấp mã của lô này / no such batch of this lot")
  const serials = await service.listLotSerials(
    { lot_id: req.lot.id, batch_id: found.id },
    { select: ["code"], order: { code: "ASC" }, take: found.count }
  )
  const page = await readPublicLot(req.scope, req.lot)
  const base = readConfig().portalUrl
  const lot = { code: page.lot.code, public_code: page.lot.public_code }
  const pdf = await renderLabels(
    serials.map((s) => ({
      url: `${base}${serialQrPath(lot, page.product?.gtin ?? null, s.code)}`,
      product: page.product?.title ?? "",
      stars: page.product?.ocop?.stars ?? null,
      lot: page.lot.code,
      made_on: page.lot.made_on,
      best_before: page.lot.best_before,
      serial: s.code,
    })),
    layout,
    `Tem sê-ri lô ${page.lot.code}`
  )
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="tem-seri-${page.lot.code}-${found.count}-${layout}.pdf"`)
  res.status(200).send(pdf)
}
