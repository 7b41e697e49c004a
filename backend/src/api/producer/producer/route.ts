import type { MedusaResponse } from "@medusajs/framework/http"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import { presentProducer } from "../../utils/present-ocop"
import type { ProducerRequest } from "../scope"
import type { ProducerUpdateProducer } from "../validators"

/**
 * POST /producer/producer — the producer's own profile facts that only it can state: led by women, led by an ethnic
 * minority (true, false, or null to say "not stated"). One row of the member's own producer, so no workflow.
 */
export const POST = async (req: ProducerRequest<ProducerUpdateProducer>, res: MedusaResponse) => {
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  const producer = await producers.updateProducers({ id: req.membership.producer_id, ...(req.validatedBody as ProducerUpdateProducer) })
  res.json({ producer: presentProducer(producer, true) })
}
