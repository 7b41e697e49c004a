import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PRODUCER_MODULE } from "../../../../modules/producer"
import type ProducerModuleService from "../../../../modules/producer/service"
import { presentProducer } from "../../../utils/present-ocop"

/**
 * GET /store/producers/:handle — the public producer card: who makes the products, where, and their story
 * (sanitised HTML). Their products come from /store/ocop/search?producer_id=…, which applies the channel.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  const [producer] = await producers.listProducers({ handle: req.params.handle })
  if (!producer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Producer "${req.params.handle}" was not found`)
  }
  res.json({ producer: presentProducer(producer, true) })
}
