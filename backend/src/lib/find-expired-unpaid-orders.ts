import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, PaymentSessionStatus } from "@medusajs/framework/utils"

/**
 * Open orders whose deferred payment (a VietQR transfer, a VNPay payment) with `providerId` was still waiting at
 * `before`: their session is older than the cut-off and was never authorized. Cancelled orders are left out, so a
 * sweep that runs again finds nothing new.
 */
export async function findExpiredUnpaidOrders(container: MedusaContainer, providerId: string, before: Date): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: sessions } = await query.graph({
    entity: "payment_session",
    fields: ["id", "payment_collection_id"],
    filters: { provider_id: providerId, status: PaymentSessionStatus.PENDING_AUTHORIZATION, created_at: { $lt: before } },
  })
  if (!sessions.length) return []
  const { data: links } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: sessions.map((s: any) => s.payment_collection_id) },
  })
  if (!links.length) return []
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { id: links.map((l: any) => l.order_id), status: { $nin: ["canceled", "completed"] } },
  })
  return orders.map((o: any) => o.id)
}
