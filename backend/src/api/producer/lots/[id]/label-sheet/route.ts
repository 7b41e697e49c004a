import type { MedusaResponse } from "@medusajs/framework/http"
import { readConfig } from "../../../../../lib/config"
import { readPublicLot } from "../../../../../traceability/read-public-lot"
import { renderLabelSheet } from "../../../../../traceability/render-label-sheet"
import type { ProducerLotRequest } from "../../scope"
import type { LabelSheetQuery } from "../../validators"

/**
 * GET /producer/lots/:id/label-sheet?layout=3x8|2x7 — an A4 PDF of labels whose QR opens the lot's scan page in the
 * shop (GS1 Digital Link when the product has a GTIN, /l/{code} otherwise).
 */
export const GET = async (req: ProducerLotRequest<unknown, LabelSheetQuery>, res: MedusaResponse) => {
  const { layout } = req.validatedQuery as unknown as LabelSheetQuery
  const lot = await readPublicLot(req.scope, req.lot)
  const pdf = await renderLabelSheet(
    {
      // The shop is where the portal lives (VENDOR_PORTAL_URL).
      url: `${readConfig().portalUrl}${lot.lot.qr_path}`,
      product: lot.product?.title ?? "",
      stars: lot.product?.ocop?.stars ?? null,
      lot: lot.lot.code,
      made_on: lot.lot.made_on,
      best_before: lot.lot.best_before,
    },
    layout
  )
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="tem-lo-${lot.lot.code}-${layout}.pdf"`)
  res.status(200).send(pdf)
}
