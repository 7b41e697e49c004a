import type { MedusaResponse } from "@medusajs/framework/http"
import type { ProducerShipping } from "@ocop/contracts"
import { resolveShippingTerms } from "@ocop/domain"
import { readConfig } from "../../../lib/config"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import { updateProducerShippingWorkflow } from "../../../workflows/producer/update-producer-shipping"
import type { ProducerRequest } from "../scope"
import type { ProducerUpdateShipping } from "../validators"

type Terms = { shipping_fee?: number | null; free_shipping_from?: number | null }

/** The producer's own values (null = not set) and the terms that apply (its own, else the operator's). */
function presentShipping(producer: Terms) {
  const own = { shipping_fee: producer.shipping_fee ?? null, free_shipping_from: producer.free_shipping_from ?? null }
  const defaults = readConfig().shippingDefaults
  return { shipping: { ...own, defaults, applied: resolveShippingTerms(own, defaults) } } satisfies ProducerShipping
}

/** GET /producer/shipping — the signed-in producer's delivery fee and free-shipping threshold. */
export const GET = async (req: ProducerRequest, res: MedusaResponse) => {
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  res.json(presentShipping(await producers.retrieveProducer(req.membership.producer_id)))
}

/** POST /producer/shipping — sets them (VND; null returns a field to the operator's default). */
export const POST = async (req: ProducerRequest<ProducerUpdateShipping>, res: MedusaResponse) => {
  const { result } = await updateProducerShippingWorkflow(req.scope).run({
    input: { producer_id: req.membership.producer_id, ...(req.validatedBody as ProducerUpdateShipping) },
  })
  res.json(presentShipping(result))
}
