import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import type { VendorCreateClaim } from "../validators"
import type { VendorRequest } from "../scope"

/**
 * POST /vendor/claims — a member without a producer asks to manage an imported one. Only producers nobody
 * manages yet can be claimed; a producer that has members invites new ones itself.
 */
export const POST = async (req: VendorRequest<VendorCreateClaim>, res: MedusaResponse) => {
  const body = req.validatedBody
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  if (req.vendor.producer_id) {
    throw new MedusaError(MedusaError.Types.FORBIDDEN, "producer_id: your account already manages a producer / tài khoản đã quản lý một chủ thể")
  }
  const [producer] = await producers.listProducers({ id: body.producer_id })
  if (!producer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `producer_id: producer "${body.producer_id}" was not found / không tìm thấy chủ thể`)
  }
  const managed = await producers.listProducerMembers({ producer_id: producer.id }, { take: 1 })
  if (managed.length) {
    throw new MedusaError(
      MedusaError.Types.FORBIDDEN,
      "producer_id: this producer already has an account; ask its owner for an invite / chủ thể đã có tài khoản, hãy xin lời mời"
    )
  }
  const [open] = await producers.listProducerClaims({ member_id: req.vendor.member.id, producer_id: producer.id, status: "pending" })
  const claim = open ?? (await producers.createProducerClaims({ member_id: req.vendor.member.id, producer_id: producer.id, message: body.message ?? null }))
  res.status(201).json({ claim: { id: claim.id, producer_id: claim.producer_id, status: claim.status } })
}
