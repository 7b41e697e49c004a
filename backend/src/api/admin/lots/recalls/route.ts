import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminLotRecalls, Presented } from "@ocop/contracts"
import { CURATOR_MODULE } from "../../../../modules/curator"
import type CuratorModuleService from "../../../../modules/curator/service"
import { PRODUCER_MODULE } from "../../../../modules/producer"
import type ProducerModuleService from "../../../../modules/producer/service"
import { TRACEABILITY_MODULE } from "../../../../modules/traceability"
import type TraceabilityModuleService from "../../../../modules/traceability/service"
import { readOrdersOfLots } from "../../../../traceability/read-lot-orders"
import type { AdminListLotRecalls } from "../validators"

type RecalledBy = { type: "producer" | "curator"; id: string }

/**
 * GET /admin/lots/recalls?limit=&offset= — the operator's list of recalled lots, newest recall first: the reason, who
 * recalled it (a producer's member or a curator, with the e-mail it signs in with) and when, and the orders that
 * shipped units of it (order number, the producer's part status, the buyer's e-mail, units from the lot) — the
 * orders to follow up. /admin routes need an admin user (Medusa's authentication of /admin).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const params = req.validatedQuery as unknown as AdminListLotRecalls
  const service: TraceabilityModuleService = req.scope.resolve(TRACEABILITY_MODULE)
  const [lots, count] = await service.listAndCountLots(
    { status: "recalled" },
    { order: { recalled_at: "DESC", id: "ASC" }, skip: params.offset, take: params.limit }
  )
  const recalledBy = lots.map((l) => l.recalled_by as RecalledBy | null)
  const memberIds = recalledBy.filter((r) => r?.type === "producer").map((r) => r!.id)
  const curatorIds = recalledBy.filter((r) => r?.type === "curator").map((r) => r!.id)
  const producers: ProducerModuleService = req.scope.resolve(PRODUCER_MODULE)
  const curators: CuratorModuleService = req.scope.resolve(CURATOR_MODULE)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const productIds = Array.from(new Set<string>(lots.map((l) => String(l.product_id))))
  const [orders, members, curatorRows, { data: products }] = await Promise.all([
    readOrdersOfLots(
      req.scope,
      lots.map((l) => l.id),
      { withEmail: true }
    ),
    memberIds.length ? producers.listProducerMembers({ id: memberIds }, { select: ["id", "email"] }) : [],
    curatorIds.length ? curators.listCurators({ id: curatorIds }, { select: ["id", "email"] }) : [],
    productIds.length
      ? query.graph({ entity: "product", fields: ["id", "title", "producer.name"], filters: { id: productIds } })
      : { data: [] as Record<string, any>[] },
  ])
  const emailOf = new Map([...members, ...curatorRows].map((r) => [r.id, r.email as string]))
  const productOf = new Map<string, Record<string, any>>(products.map((p: Record<string, any>): [string, Record<string, any>] => [p.id, p]))
  res.json({
    recalls: lots.map((lot, i) => {
      const by = recalledBy[i]
      const product = productOf.get(lot.product_id)
      return {
        lot: {
          id: lot.id,
          code: lot.code,
          public_code: lot.public_code,
          product_id: lot.product_id,
          product_title: product?.title ?? null,
          producer_name: product?.producer?.name ?? null,
          recall_reason: lot.recall_reason ?? null,
          recalled_at: lot.recalled_at ? new Date(lot.recalled_at).toISOString() : null,
        },
        recalled_by: by ? { type: by.type, id: by.id, email: emailOf.get(by.id) ?? null } : null,
        affected_orders: orders.get(lot.id) ?? [],
      }
    }),
    count,
    limit: params.limit,
    offset: params.offset,
  } satisfies Presented<AdminLotRecalls>)
}
