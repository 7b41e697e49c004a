import type { MedusaResponse } from "@medusajs/framework/http"
import type { Presented, ProducerMe } from "@ocop/contracts"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import { presentProducer } from "../../utils/present-ocop"
import { presentMember } from "../present-member"
import type { MemberRequest } from "../scope"

/** GET /producer/me — the signed-in member, its producer (if any) and its claims. */
export const GET = async (req: MemberRequest, res: MedusaResponse) => {
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  const { member, producer_id } = req.membership
  const producer = producer_id ? await producers.retrieveProducer(producer_id) : null
  const claims = await producers.listProducerClaims({ member_id: member.id }, { order: { created_at: "DESC" } })
  res.json({
    member: presentMember(member),
    // The raw markdown is what the portal edits; story_html is how buyers see it.
    producer: producer ? { ...presentProducer(producer, true), story: producer.story ?? null } : null,
    claims: claims.map((c) => ({ id: c.id, producer_id: c.producer_id, status: c.status, created_at: c.created_at })),
  } satisfies Presented<ProducerMe>)
}
