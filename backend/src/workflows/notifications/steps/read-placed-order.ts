import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import ProductProducerLink from "../../../links/product-producer"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import { VIETQR_PROVIDER_ID } from "../../../modules/payment-vietqr/reference"
import type { MailLine, OrderMail, VietQrTransfer } from "../order-emails"
import { readOrderForMail, toMailLine, toNumber, type MailOrderRow } from "../read-order-for-mail"

export const readPlacedOrderStepId = "read-placed-order"

export type PlacedOrder = {
  order: OrderMail
  email: string | null
  /** One entry per producer with lines in the order: its name, who hears of it, and only its lines. */
  producers: { producer_id: string; name: string; recipients: string[]; lines: MailLine[] }[]
}

function transferOf(order: MailOrderRow): VietQrTransfer | null {
  const session = (order.payment_collections ?? []).flatMap((c) => c.payment_sessions ?? []).find((s) => s.provider_id === VIETQR_PROVIDER_ID)
  const data = session?.data as Partial<VietQrTransfer> | undefined
  if (!data?.reference || !data.accountNumber) return null
  return {
    bankName: String(data.bankName ?? ""),
    accountNumber: String(data.accountNumber),
    accountName: String(data.accountName ?? ""),
    amount: Number(data.amount),
    reference: String(data.reference),
  }
}

/**
 * Reads what the order e-mails say: the order with its lines and, for a VietQR transfer, the bank details from the
 * payment session; the producers of its products (product ↔ producer link) with their members' addresses.
 */
export const readPlacedOrderStep = createStep(readPlacedOrderStepId, async (input: { order_id: string }, { container }) => {
  const order = await readOrderForMail(container, input.order_id, [
    "currency_code",
    "shipping_total",
    "items.product_id",
    "payment_collections.payment_sessions.provider_id",
    "payment_collections.payment_sessions.data",
  ])
  const items = order.items ?? []

  const productIds = [...new Set(items.map((i) => i.product_id).filter((id): id is string => !!id))]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = productIds.length
    ? await query.graph({ entity: ProductProducerLink.entryPoint, fields: ["product_id", "producer_id"], filters: { product_id: productIds } })
    : { data: [] }
  const producerOf = new Map((links as { product_id: string; producer_id: string }[]).map((l) => [l.product_id, l.producer_id]))
  const producerIds = [...new Set(producerOf.values())]
  const producerModule: ProducerModuleService = container.resolve(PRODUCER_MODULE)
  const [producers, members] = producerIds.length
    ? await Promise.all([
        producerModule.listProducers({ id: producerIds }, { select: ["id", "name", "email"] }),
        producerModule.listProducerMembers({ producer_id: producerIds }, { select: ["producer_id", "email"] }),
      ])
    : [[], []]

  const result: PlacedOrder = {
    order: {
      id: order.id,
      display_id: order.display_id ?? null,
      locale: order.locale ?? null,
      currency_code: order.currency_code,
      total: toNumber(order.total),
      shipping_total: toNumber(order.shipping_total),
      items: items.map(toMailLine),
      transfer: transferOf(order),
    },
    email: order.email ?? null,
    producers: producers.map((p) => {
      const memberEmails = members.filter((m) => m.producer_id === p.id).map((m) => m.email)
      return {
        producer_id: p.id,
        name: p.name,
        // A producer nobody has signed up for yet still hears at the address the list gave.
        recipients: [...new Set(memberEmails.length ? memberEmails : p.email ? [p.email] : [])],
        lines: items.filter((i) => i.product_id && producerOf.get(i.product_id) === p.id).map(toMailLine),
      }
    }),
  }
  return new StepResponse(result)
})
