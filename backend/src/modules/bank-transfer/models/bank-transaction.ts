import { model } from "@medusajs/framework/utils"

/**
 * What became of a transaction: `matched` confirmed a payment; every other outcome is held for the operator and
 * never captures anything (wrong amount, no or unknown reference, money going out, an order already paid or
 * cancelled).
 */
export const BANK_TRANSACTION_OUTCOMES = [
  "matched",
  "amount_mismatch",
  "unknown_reference",
  "not_incoming",
  "already_paid",
  "order_canceled",
] as const
export type BankTransactionOutcome = (typeof BANK_TRANSACTION_OUTCOMES)[number]

/**
 * One bank transaction reported by the bank-transaction service (SePay/Casso style webhook), or one confirmation
 * the operator made by hand. `external_id` is unique: a replayed webhook finds its row and changes nothing.
 */
export const BankTransaction = model
  .define("bank_transaction", {
    id: model.id({ prefix: "banktx" }).primaryKey(),
    // "webhook:<service's id>" or "manual:<payment session id>".
    external_id: model.text(),
    source: model.enum(["webhook", "manual"]),
    amount: model.bigNumber(),
    note: model.text(),
    reference: model.text().nullable(),
    outcome: model.enum([...BANK_TRANSACTION_OUTCOMES]),
    payment_session_id: model.text().nullable(),
    order_id: model.text().nullable(),
    // The service's JSON as received (account, bank, time), for the operator's reconciliation.
    payload: model.json().nullable(),
    // Who confirmed by hand: { type: "user", id, email }.
    recorded_by: model.json().nullable(),
  })
  .indexes([{ on: ["external_id"], unique: true, where: "deleted_at IS NULL" }, { on: ["outcome"] }, { on: ["reference"] }])
