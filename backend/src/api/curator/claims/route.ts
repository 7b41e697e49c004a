import type { MedusaResponse } from "@medusajs/framework/http"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import type { CuratorRequest } from "../scope"
import type { CuratorListClaims } from "../validators"

/**
 * GET /curator/claims?status=pending|approved|rejected&limit=&offset= — claims on producers of the curator's
 * provinces, newest first, with who asked (name, email) and for which producer.
 */
export const GET = async (req: CuratorRequest, res: MedusaResponse) => {
  const params = req.validatedQuery as unknown as CuratorListClaims
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  // Claims carry the producer, producers the province: open claims are few, so read them first and keep those
  // whose producer is in the curator's provinces.
  const open = await producers.listProducerClaims({ status: params.status }, { select: ["producer_id"] })
  const inScope = open.length
    ? await producers.listProducers(
        { id: [...new Set(open.map((c) => c.producer_id))], province_code: req.curator.province_codes },
        { select: ["id", "name", "handle", "province_code", "type"] }
      )
    : []
  const [claims, count] = inScope.length
    ? await producers.listAndCountProducerClaims(
        { status: params.status, producer_id: inScope.map((p) => p.id) },
        { order: { created_at: "DESC" }, skip: params.offset, take: params.limit }
      )
    : [[], 0]
  const members = claims.length ? await producers.listProducerMembers({ id: claims.map((c) => c.member_id) }) : []
  res.json({
    claims: claims.map((c) => {
      const member = members.find((m) => m.id === c.member_id)
      const producer = inScope.find((p) => p.id === c.producer_id)!
      return {
        id: c.id,
        status: c.status,
        message: c.message,
        created_at: c.created_at,
        decided_at: c.decided_at,
        member: member ? { id: member.id, email: member.email, name: member.name } : null,
        producer: { id: producer.id, name: producer.name, handle: producer.handle, province_code: producer.province_code },
      }
    }),
    count,
    offset: params.offset,
    limit: params.limit,
  })
}
