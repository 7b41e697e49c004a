import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import ProductProducerLink from "../../../links/product-producer"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"
import { assertOwnProduct, type ProducerRequest } from "../scope"
import type { ProducerCreateLot } from "./validators"

export type LotRecord = Awaited<ReturnType<TraceabilityModuleService["retrieveLot"]>>

/** A /producer/lots/:id request after scoping: the lot is the producer's own. */
export type ProducerLotRequest<Body = unknown, Query = Record<string, unknown>> = ProducerRequest<Body, Query> & { lot: LotRecord }

const lotNotFound = (id: string) => new MedusaError(MedusaError.Types.NOT_FOUND, `Lot "${id}" was not found / không tìm thấy lô`)

/** The product ids of the signed-in producer (the product ↔ producer link). */
export async function listOwnProductIds(req: ProducerRequest): Promise<string[]> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: ProductProducerLink.entryPoint,
    fields: ["product_id"],
    filters: { producer_id: req.membership.producer_id },
  })
  return data.map((row: { product_id: string }) => row.product_id)
}

/**
 * Loads the lot named in the URL and lets the request through only if its product is the producer's: another
 * producer's lot answers 404 like a lot that does not exist, so ids are not confirmed.
 */
export async function requireOwnLot(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const request = req as ProducerLotRequest
  const id = req.params.id
  const lots: TraceabilityModuleService = req.scope.resolve(TRACEABILITY_MODULE)
  const [lot] = await lots.listLots({ id }, { relations: ["steps", "documents"], take: 1 })
  if (!lot) throw lotNotFound(id)
  try {
    await assertOwnProduct(request, lot.product_id)
  } catch {
    throw lotNotFound(id)
  }
  request.lot = lot
  next()
}

/** A new lot only for one of the producer's own products (404 otherwise, as for any product of another producer). */
export async function requireOwnLotProduct(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const request = req as ProducerRequest<ProducerCreateLot>
  await assertOwnProduct(request, request.validatedBody.product_id)
  next()
}
