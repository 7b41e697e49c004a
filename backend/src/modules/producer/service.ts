import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { Producer } from "./models/producer"
import { ProducerClaim } from "./models/producer-claim"
import { ProducerInvite } from "./models/producer-invite"
import { ProducerMember } from "./models/producer-member"
import { ProducerRefund } from "./models/producer-refund"
import { ProducerShipment } from "./models/producer-shipment"

export type ConsumedInvite = { id: string; producer_id: string; email: string | null; role: "owner" | "member" }
export type DecidedClaim = { id: string; member_id: string; producer_id: string; status: "approved" | "rejected" }

export default class ProducerModuleService extends MedusaService({
  Producer,
  ProducerMember,
  ProducerInvite,
  ProducerClaim,
  ProducerShipment,
  ProducerRefund,
}) {
  /**
   * Marks an invite used in one conditional UPDATE, so of several people accepting one link at the same moment
   * exactly one gets a row back; a read-then-write would let each of them see it unused. Answers undefined when the
   * invite is unknown, used, expired or meant for another email.
   */
  @InjectManager()
  async consumeProducerInvite(
    tokenHash: string,
    email: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<ConsumedInvite | undefined> {
    const rows: ConsumedInvite[] = await sharedContext.manager!.execute(
      `UPDATE producer_invite SET accepted_at = now(), updated_at = now()
       WHERE token_hash = ? AND accepted_at IS NULL AND expires_at > now() AND deleted_at IS NULL
         AND (email IS NULL OR lower(email) = lower(?))
       RETURNING id, producer_id, email, role`,
      [tokenHash, email]
    )
    return rows[0]
  }

  /**
   * Decides a pending claim in one conditional UPDATE: of two decisions at once (two approvals, or an approval and a
   * rejection) exactly one wins; the other is told the claim is already decided (400), an unknown claim 404.
   */
  @InjectManager()
  async decideProducerClaim(
    id: string,
    status: "approved" | "rejected",
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<DecidedClaim> {
    const rows: DecidedClaim[] = await sharedContext.manager!.execute(
      `UPDATE producer_claim SET status = ?, decided_at = now(), updated_at = now()
       WHERE id = ? AND status = 'pending' AND deleted_at IS NULL
       RETURNING id, member_id, producer_id, status`,
      [status, id]
    )
    if (rows[0]) return rows[0]
    const [current] = await this.listProducerClaims({ id }, {}, sharedContext)
    if (!current) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Claim "${id}" was not found`)
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `claim: already ${current.status}`)
  }

  /**
   * Moves an order part from one of `from` to `to` in one conditional UPDATE, so a cancel and a shipment racing on
   * the same part cannot both win (the parcel sent and the money refunded). Answers the status it had before (for
   * compensation), or throws 400 naming the current status (404 when the part is unknown or not the producer's).
   */
  @InjectManager()
  async transitionProducerShipment(
    id: string,
    producerId: string,
    from: readonly string[],
    to: "packed" | "shipped" | "delivered" | "canceled",
    /** Set in the same statement (a shipped part must carry its tracking number: a check constraint holds it). */
    parcel: { carrier: string | null; tracking_number: string | null } | null = null,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ id: string; previous_status: string }> {
    // A parcel keeps the moment it first left; correcting its tracking number later does not move it.
    const stamp = {
      packed: "",
      shipped: ", shipped_at = COALESCE(p.shipped_at, now())",
      delivered: ", delivered_at = now()",
      canceled: ", canceled_at = now()",
    }[to]
    // The self-join reads the row as it was before this statement, which compensation puts back.
    const rows: { id: string; previous_status: string }[] = await sharedContext.manager!.execute(
      `UPDATE producer_shipment p SET status = ?${stamp}${parcel ? ", carrier = ?, tracking_number = ?" : ""}, updated_at = now()
       FROM producer_shipment old
       WHERE p.id = old.id AND p.id = ? AND p.producer_id = ? AND p.status IN (${from.map(() => "?").join(", ")})
         AND p.deleted_at IS NULL
       RETURNING p.id, old.status AS previous_status`,
      [to, ...(parcel ? [parcel.carrier, parcel.tracking_number] : []), id, producerId, ...from]
    )
    if (rows[0]) return rows[0]
    const [current] = await this.listProducerShipments({ id, producer_id: producerId }, {}, sharedContext)
    if (!current) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order part "${id}" was not found / không tìm thấy phần đơn hàng`)
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `status: phần đơn đang ở trạng thái "${current.status}", không thể chuyển sang "${to}" / the part is ${current.status}, it cannot become ${to}`
    )
  }
}
