import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readConfig } from "../../../lib/config"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import { TRACEABILITY_MODULE } from "../../../modules/traceability"
import type TraceabilityModuleService from "../../../modules/traceability/service"
import type { LotRecallMail } from "../order-emails"
import { readOrderForMail, toMailLine } from "../read-order-for-mail"

export const readRecalledLotOrdersStepId = "read-recalled-lot-orders"

export type RecalledLotOrder = LotRecallMail & { lot_id: string; email: string | null }

/**
 * Reads a recalled lot with every order that shipped units of it: the buyer's address and language, and only the
 * order's lines that came from the lot, with the units from the lot (null when an older shipment did not say). A lot that is not recalled (the recall was undone) reads as no order.
 */
export const readRecalledLotOrdersStep = createStep(readRecalledLotOrdersStepId, async (input: { lot_id: string }, { container }) => {
  const service: TraceabilityModuleService = container.resolve(TRACEABILITY_MODULE)
  const [lot] = await service.listLots({ id: input.lot_id }, { take: 1 })
  if (!lot || lot.status !== "recalled") return new StepResponse([] as RecalledLotOrder[])
  const rows = await service.listLotShipmentLines({ lot_id: lot.id }, { select: ["order_id", "line_item_id", "producer_id", "quantity"] })
  if (!rows.length) return new StepResponse([] as RecalledLotOrder[])
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
  const [{ data: products }, named] = await Promise.all([
    query.graph({ entity: "product", fields: ["id", "title"], filters: { id: lot.product_id } }),
    producers.listProducers({ id: [...new Set(rows.map((r) => r.producer_id))] }, { select: ["id", "name"] }),
  ])
  const nameOf = new Map<string, string>(named.map((p) => [p.id, p.name as string]))
  const orderIds = [...new Set(rows.map((r) => r.order_id))]
  const orders = await Promise.all(orderIds.map((id) => readOrderForMail(container, id)))
  return new StepResponse(
    orders.map((order): RecalledLotOrder => {
      const own = rows.filter((r) => r.order_id === order.id)
      const shipped = new Set(own.map((r) => r.line_item_id))
      return {
        lot_id: lot.id,
        email: order.email ?? null,
        order: { id: order.id, display_id: order.display_id ?? null, locale: order.locale ?? null },
        producer_name: nameOf.get(own[0].producer_id) ?? "",
        product_title: (products[0] as { title?: string } | undefined)?.title ?? "",
        lot_code: lot.code,
        reason: lot.recall_reason ?? "",
        scan_url: `${readConfig().portalUrl}/l/${lot.public_code}`,
        lines: (order.items ?? []).filter((i) => shipped.has(i.id)).map(toMailLine),
        quantity: own.some((r) => r.quantity == null) ? null : own.reduce((sum, r) => sum + Number(r.quantity), 0),
      }
    })
  )
})
