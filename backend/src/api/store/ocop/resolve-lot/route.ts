import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import type { LotResolution } from "@ocop/contracts"
import { TRACEABILITY_MODULE } from "../../../../modules/traceability"
import type TraceabilityModuleService from "../../../../modules/traceability/service"
import { normaliseGtin } from "../../../../traceability/gtin"
import type { StoreResolveLot } from "../lots/validators"

const WITHDRAWN = "Mã lô này đã bị nhà sản xuất rút lại và không còn dùng / this lot code was withdrawn by its producer and is no longer in use"

/** The GTIN's 8/12/13/14-digit spellings, as a variant may store it. */
function spellings(gtin14: string): string[] {
  const bare = gtin14.replace(/^0+/, "")
  return [...new Set([gtin14, gtin14.slice(1), gtin14.slice(2), gtin14.slice(6), bare].filter((s) => [8, 12, 13, 14].includes(s.length)))]
}

/**
 * GET /store/ocop/resolve-lot?code= | ?gtin=&lot= — what a QR's path names, for the shop's resolver routes: 200 with
 * the lot's public code; 404 with the product's handle when the product is known but the lot is not (the shop answers
 * 303 to the product page); 410 when the producer withdrew the code.
 */
export const GET = async (req: MedusaRequest<unknown, StoreResolveLot>, res: MedusaResponse) => {
  const input = req.validatedQuery as unknown as StoreResolveLot
  const service: TraceabilityModuleService = req.scope.resolve(TRACEABILITY_MODULE)
  let productHandle: string | null = null
  let lots: { public_code: string; deleted_at: Date | null }[]
  if ("code" in input) {
    lots = await service.listLots({ public_code: input.code }, { withDeleted: true, take: 5 })
  } else {
    const gtin = normaliseGtin(input.gtin)
    const codes = gtin ? spellings(gtin) : []
    const products = req.scope.resolve(Modules.PRODUCT)
    const variants = codes.length
      ? await products.listProductVariants({ $or: [{ barcode: codes }, { ean: codes }, { upc: codes }] }, { select: ["id", "product_id"], take: 1 })
      : []
    const productId = variants[0]?.product_id
    if (productId) {
      const [product] = await products.listProducts({ id: productId }, { select: ["handle"] })
      productHandle = product?.handle ?? null
      lots = await service.listLots({ product_id: productId, code: input.lot }, { withDeleted: true, take: 5 })
    } else {
      lots = []
    }
  }
  const live = lots.find((l) => !l.deleted_at)
  if (live) return res.json({ status: "found", public_code: live.public_code } satisfies LotResolution)
  if (lots.length) return res.status(410).json({ status: "withdrawn", message: WITHDRAWN } satisfies LotResolution)
  res
    .status(404)
    .json({ status: "unknown", product_handle: productHandle, message: "Không tìm thấy lô này / this lot is not known" } satisfies LotResolution)
}
