import { MedusaService } from "@medusajs/framework/utils"
import { Producer } from "./models/producer"
import { ProducerClaim } from "./models/producer-claim"
import { ProducerInvite } from "./models/producer-invite"
import { ProducerMember } from "./models/producer-member"
import { ProducerShipment } from "./models/producer-shipment"

export default class ProducerModuleService extends MedusaService({
  Producer,
  ProducerMember,
  ProducerInvite,
  ProducerClaim,
  ProducerShipment,
}) {}
