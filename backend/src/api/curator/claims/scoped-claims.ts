import type { MedusaContainer } from "@medusajs/framework/types"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import { notFound } from "../scope"

/** A claim belongs to the province of the producer it asks for; another province's claim is a 404. */
export async function readScopedClaim(scope: MedusaContainer, provinceCodes: string[], claimId: string) {
  const producers: ProducerModuleService = scope.resolve(PRODUCER_MODULE)
  const [claim] = await producers.listProducerClaims({ id: claimId })
  const [producer] = claim ? await producers.listProducers({ id: claim.producer_id, province_code: provinceCodes }) : []
  if (!claim || !producer) throw notFound("Claim", claimId)
  return { claim, producer }
}
