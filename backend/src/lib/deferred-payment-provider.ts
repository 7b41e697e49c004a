import { AbstractPaymentProvider, MedusaError, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  DeletePaymentInput,
  DeletePaymentOutput,
  GetPaymentStatusInput,
  GetPaymentStatusOutput,
  InitiatePaymentInput,
  ProviderWebhookPayload,
  RetrievePaymentInput,
  RetrievePaymentOutput,
  WebhookActionResult,
} from "@medusajs/framework/types"

/**
 * A payment the buyer makes outside the shop after the order is placed (a bank transfer, VNPay's hosted page): the
 * order waits with its payment pending (Medusa's `pending_authorization`) until our own signed hook writes the
 * confirmation into the session, which is the only thing that authorizes it. The money has then already moved, so
 * capture, cancel and delete call nobody, and Medusa's generic payment hook is not used (each gateway signs its
 * callbacks in its own format and has its own route under api/hooks).
 */
export abstract class DeferredPaymentProvider<TOptions = Record<string, unknown>> extends AbstractPaymentProvider<TOptions> {
  /** Whether the session holds the gateway's confirmation that the money arrived. */
  protected abstract isPaid(data: Record<string, unknown> | undefined): boolean

  private statusOf(data: Record<string, unknown> | undefined) {
    return this.isPaid(data) ? PaymentSessionStatus.AUTHORIZED : PaymentSessionStatus.PENDING_AUTHORIZATION
  }

  // At checkout the buyer has not paid yet: the order is placed, its payment waits for the gateway.
  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    return { data: input.data, status: this.statusOf(input.data) }
  }

  async getPaymentStatus(input: GetPaymentStatusInput): Promise<GetPaymentStatusOutput> {
    return { status: this.statusOf(input.data), data: input.data }
  }

  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    return { data: input.data }
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    return { data: input.data }
  }

  async deletePayment(input: DeletePaymentInput): Promise<DeletePaymentOutput> {
    return { data: input.data }
  }

  async retrievePayment(input: RetrievePaymentInput): Promise<RetrievePaymentOutput> {
    return { data: input.data }
  }

  async getWebhookActionAndData(_: ProviderWebhookPayload["payload"]): Promise<WebhookActionResult> {
    return { action: PaymentActions.NOT_SUPPORTED }
  }
}

/**
 * The new session's id, which Medusa passes as the idempotency key: the gateway's reference is derived from it so a
 * callback finds its session.
 */
export function sessionIdOf(input: InitiatePaymentInput, provider: string): string {
  const sessionId = input.context?.idempotency_key
  if (!sessionId) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${provider}: the payment session has no id`)
  return sessionId
}
