import type { AuthenticatedMedusaRequest, MedusaNextFunction, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import ProductProducerLink from "../../links/product-producer"
import { PRODUCER_MODULE } from "../../modules/producer"
import type ProducerModuleService from "../../modules/producer/service"

export type ProducerMemberRecord = Awaited<ReturnType<ProducerModuleService["retrieveProducerMember"]>>

/** A /producer request after scoping: who is asking, and (on producer routes) for which producer. */
export type MemberRequest<Body = unknown, Query = Record<string, unknown>> = AuthenticatedMedusaRequest<Body, Query> & {
  membership: { member: ProducerMemberRecord; producer_id: string | null }
}

/** A request on a route that needs a producer: `producer_id` is set. */
export type ProducerRequest<Body = unknown, Query = Record<string, unknown>> = AuthenticatedMedusaRequest<Body, Query> & {
  membership: { member: ProducerMemberRecord; producer_id: string }
}

/**
 * Resolves the authenticated member once and puts it on the request. Routes read the producer from here and
 * never from the URL or body, so no parameter can point a request at another producer.
 */
export async function resolveProducerMember(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const actorId = req.auth_context?.actor_id
  // A registration token has no actor yet; an empty filter must never reach the query (it would match anyone).
  if (!actorId) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  const [member] = await producers.listProducerMembers({ id: actorId })
  if (!member) {
    // A token for a deleted member is as good as none.
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Unauthorized")
  }
  ;(req as MemberRequest).membership = { member, producer_id: member.producer_id ?? null }
  next()
}

export function requireProducer(req: AuthenticatedMedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (!(req as MemberRequest).membership?.producer_id) {
    throw new MedusaError(
      MedusaError.Types.FORBIDDEN,
      "producer: your account is not attached to a producer yet (accept an invite or wait for your claim) / tài khoản chưa gắn với chủ thể nào"
    )
  }
  next()
}

/**
 * Throws 404 unless the product belongs to the producer. 404, not 403: another producer's ids are not
 * confirmed to exist.
 */
export async function assertOwnProduct(req: ProducerRequest, productId: string) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: ProductProducerLink.entryPoint,
    fields: ["product_id"],
    filters: { product_id: productId, producer_id: req.membership.producer_id },
  })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product "${productId}" was not found / không tìm thấy sản phẩm`)
  }
}
