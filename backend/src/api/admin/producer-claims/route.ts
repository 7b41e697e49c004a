import type { z } from "@medusajs/framework/zod"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import type { AdminListProducerClaims } from "../producers/validators"

/** GET /admin/producer-claims — claims with who asked and for which producer, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, z.infer<typeof AdminListProducerClaims>>, res: MedusaResponse) => {
  const { status } = req.validatedQuery
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  const claims = await producers.listProducerClaims(status ? { status } : {}, { order: { created_at: "DESC" }, take: 200 })
  const members = await producers.listProducerMembers({ id: claims.map((c) => c.member_id) })
  const named = await producers.listProducers({ id: claims.map((c) => c.producer_id) })
  res.json({
    claims: claims.map((c) => {
      const member = members.find((m) => m.id === c.member_id)
      const producer = named.find((p) => p.id === c.producer_id)
      return {
        id: c.id,
        status: c.status,
        message: c.message,
        created_at: c.created_at,
        member: member ? { id: member.id, email: member.email, name: member.name } : null,
        producer: producer ? { id: producer.id, name: producer.name, province_code: producer.province_code } : null,
      }
    }),
  })
}
