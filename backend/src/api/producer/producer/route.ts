import type { MedusaResponse } from "@medusajs/framework/http"
import { updateProducerFactsWorkflow } from "../../../workflows/producer/update-producer-facts"
import { presentProducer } from "../../utils/present-ocop"
import type { ProducerRequest } from "../scope"
import type { ProducerUpdateProducer } from "../validators"

/**
 * POST /producer/producer — the producer's own profile facts that only it can state: led by women, led by an ethnic
 * minority (true, false, or null to say "not stated").
 */
export const POST = async (req: ProducerRequest<ProducerUpdateProducer>, res: MedusaResponse) => {
  const { result: producer } = await updateProducerFactsWorkflow(req.scope).run({
    input: { producer_id: req.membership.producer_id, ...(req.validatedBody as ProducerUpdateProducer) },
  })
  res.json({ producer: presentProducer(producer, true) })
}
