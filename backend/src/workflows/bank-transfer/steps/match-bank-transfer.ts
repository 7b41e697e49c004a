import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules, PaymentSessionStatus } from "@medusajs/framework/utils"
import { BANK_TRANSFER_MODULE } from "../../../modules/bank-transfer"
import type { BankTransactionOutcome } from "../../../modules/bank-transfer/models/bank-transaction"
import { findReference, referenceOfSession, VIETQR_PROVIDER_ID } from "../../../modules/payment-vietqr/reference"
import type BankTransferModuleService from "../../../modules/bank-transfer/service"

export type BankTransferInput = {
  /** "webhook:<service's id>" or "manual:<session id>"; a second arrival of the same id changes nothing. */
  external_id: string
  source: "webhook" | "manual"
  direction: "in" | "out"
  amount: number
  note: string
  payload?: Record<string, unknown> | null
  recorded_by?: Record<string, unknown> | null
  /** Manual confirmations name the session; webhooks are matched by the reference in the note. */
  payment_session_id?: string
}

export type BankTransferMatch = {
  /** Set when this transaction was recorded before (a replay): nothing else happens. */
  duplicate_of?: Record<string, unknown>
  outcome: BankTransactionOutcome
  reference: string | null
  payment_session_id: string | null
  order_id: string | null
}

/**
 * Decides what a bank transaction means, reading only: the reference in the note names a VietQR payment session
 * (hence its order); the money confirms it only when it comes in, for exactly the session's amount, to an order
 * that is still open and unpaid. Anything else is an outcome the operator resolves by hand.
 */
export const matchBankTransferStep = createStep("match-bank-transfer", async (input: BankTransferInput, { container }) => {
  const transfers: BankTransferModuleService = container.resolve(BANK_TRANSFER_MODULE)
  const [previous] = await transfers.listBankTransactions({ external_id: input.external_id })
  if (previous) {
    const match: BankTransferMatch = {
      duplicate_of: previous as unknown as Record<string, unknown>,
      outcome: previous.outcome,
      reference: previous.reference,
      payment_session_id: previous.payment_session_id,
      order_id: previous.order_id,
    }
    return new StepResponse(match)
  }

  const payments = container.resolve(Modules.PAYMENT)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const reference = input.payment_session_id ? referenceOfSession(input.payment_session_id) : (findReference(input.note) ?? null)
  const decide = (outcome: BankTransactionOutcome, session: string | null = null, order: string | null = null): BankTransferMatch => {
    // The operator confirms one order at a time: anything but a match is an error to read, not a row to keep.
    if (input.source === "manual" && outcome !== "matched") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `order: không xác nhận được (${outcome}) / cannot be confirmed (${outcome})`)
    }
    return { outcome, reference, payment_session_id: session, order_id: order }
  }

  if (input.direction !== "in") return new StepResponse(decide("not_incoming"))
  if (!reference) return new StepResponse(decide("unknown_reference"))

  const sessions = await payments.listPaymentSessions(
    input.payment_session_id
      ? { id: input.payment_session_id, provider_id: VIETQR_PROVIDER_ID }
      : ({ provider_id: VIETQR_PROVIDER_ID, id: { $like: `%${reference.slice(4)}` } } as any),
    { relations: ["payment"] }
  )
  const session = sessions.find((s) => referenceOfSession(s.id) === reference)
  if (!session) return new StepResponse(decide("unknown_reference"))

  const { data: links } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: session.payment_collection_id },
  })
  const orderId: string | undefined = links[0]?.order_id
  if (!orderId) return new StepResponse(decide("unknown_reference", session.id))
  const { data: orders } = await query.graph({ entity: "order", fields: ["id", "status"], filters: { id: orderId } })
  if (!orders[0] || orders[0].status === "canceled") return new StepResponse(decide("order_canceled", session.id, orderId))
  if (session.payment || session.status !== PaymentSessionStatus.PENDING_AUTHORIZATION) {
    return new StepResponse(decide("already_paid", session.id, orderId))
  }
  if (Number(session.amount) !== input.amount) return new StepResponse(decide("amount_mismatch", session.id, orderId))
  return new StepResponse(decide("matched", session.id, orderId))
})
