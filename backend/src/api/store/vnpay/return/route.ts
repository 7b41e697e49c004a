import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { VnpayReturn } from "@ocop/contracts"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readConfig } from "../../../../lib/config"
import { sessionIdOfTxnRef, VNPAY_PROVIDER_ID, vnpayClient } from "../../../../modules/payment-vnpay/gateway"

/**
 * GET /store/vnpay/return?vnp_…  — the shop's return page asks which order the buyer came back for. The answer
 * is only "signed or not" and the order's id: whether it is paid the page reads from the order itself, which only
 * the IPN changes. A query nobody signed names no order.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const settings = readConfig().vnpay
  if (!settings) {
    res.status(404).json({ message: "VNPay chưa được cấu hình / VNPay is not configured" })
    return
  }
  const query = Object.fromEntries(Object.entries(req.query).filter((entry): entry is [string, string] => typeof entry[1] === "string"))
  let verified = false
  try {
    verified = vnpayClient(settings).verifyReturnUrl(query as never).isVerified
  } catch {
    verified = false
  }
  if (!verified || typeof query.vnp_TxnRef !== "string") {
    res.json({ verified: false, order_id: null } satisfies VnpayReturn)
    return
  }
  const remote = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: sessions } = await remote.graph({
    entity: "payment_session",
    fields: ["payment_collection_id"],
    filters: { id: sessionIdOfTxnRef(query.vnp_TxnRef), provider_id: VNPAY_PROVIDER_ID },
  })
  const collectionId = sessions[0]?.payment_collection_id
  const { data: links } = collectionId
    ? await remote.graph({ entity: "order_payment_collection", fields: ["order_id"], filters: { payment_collection_id: collectionId } })
    : { data: [] as { order_id: string }[] }
  res.json({ verified: true, order_id: links[0]?.order_id ?? null } satisfies VnpayReturn)
}
