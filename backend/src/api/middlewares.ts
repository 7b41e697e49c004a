import {
  allowFields,
  authenticate,
  defineMiddlewares,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { installSecurityHeaders } from "../lib/security-headers"
import { validateLineQuantities } from "./store/carts/validate-line-quantities"
import { refuseMalformedInput } from "./utils/refuse-malformed-input"
import { translateApiError } from "./utils/translate-api-error"
import { AdminCreateCuratorInvite, AdminListCurators, AdminUpdateCurator } from "./admin/curators/validators"
import { resolveCuratorUnlessAccepting } from "./curator/scope"
import { requireProvinceLot } from "./curator/lots/scope"
import {
  CuratorAcceptInvite,
  CuratorCertifyProduct,
  CuratorExportRegister,
  CuratorListCertificates,
  CuratorListClaims,
  CuratorListImports,
  CuratorListLots,
  CuratorListReminders,
  CuratorSetListingVisibility,
  CuratorUpdateCertificate,
  CuratorImportFileFields,
} from "./curator/validators"
import { adminInputRoutes } from "./admin/middlewares"
import { featuredListRoutes } from "./featured/middlewares"
import { storeOcopInputRoutes } from "./store/ocop/middlewares"
import { acceptListUpload } from "./utils/accept-list-upload"
import { AdminConfirmBankTransfer, AdminListBankTransfers } from "./admin/bank-transfers/validators"
import { BankWebhookBody } from "./hooks/bank-transfers/validators"
import { verifyBankWebhook } from "./hooks/bank-transfers/verify-signature"
import { verifyVnpayIpn } from "./hooks/vnpay/ipn/verify-ipn"
import { validateBody, validateQuery } from "./utils/validate-request"
import { producerInputRoutes } from "./producer/middlewares"
import { producerCors } from "./producer/cors"
import { limitSignInAttempts } from "./security/limit-sign-in-attempts"
import { rejectCrossSiteWrites } from "./security/reject-cross-site-writes"
import { requireProducer, resolveProducerMember } from "./producer/scope"
import { requireOwnLotTemplate } from "./producer/lot-templates/scope"
import { requireOwnLot } from "./producer/lots/scope"
import { RecallLot } from "./producer/lots/validators"

installSecurityHeaders()

/**
 * Every product in this shop is an OCOP product, so Medusa's own GET /store/products[/:id] returns its
 * certificates and producer unless the caller picks its own fields. Medusa validates query parameters before
 * method-scoped middlewares run, hence these route entries carry no method.
 */
function includeOcopRelationsByDefault(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (req.method === "GET" && req.query.fields === undefined) {
    req.query.fields = "+certifications.*,+producer.*"
  }
  next()
}

const ocopProductMiddlewares = [allowFields("certifications", "producer"), includeOcopRelationsByDefault]

// Method-less entries are prefix matches (Express `use`) and run parent path first. Everything under /producer needs
// a producer token, so a route added later cannot be left open; a registration token (no member yet) is enough
// only for the two routes that create the member, because every other route first resolves the member.
const authenticateProducerToken = authenticate("producer", ["session", "bearer"], { allowUnregistered: true })
const producerScoped = [resolveProducerMember, requireProducer]

// One limit for every actor's email-and-password routes (user, customer, producer and any actor added later).
const signInRoutes = ["", "/register", "/reset-password", "/update"].map((suffix) => ({
  matcher: `/auth/:actor_type/emailpass${suffix}`,
  method: ["POST" as const],
  middlewares: [limitSignInAttempts],
}))

// Everything under /curator needs a curator token (the console is the shop's origin, hence the producer CORS list (VENDOR_CORS)),
// and every route but accepting an invite resolves the curator and its provinces before anything else runs.
const authenticateCuratorToken = authenticate("curator", ["session", "bearer"], { allowUnregistered: true })
const curatorRoutes = [
  {
    matcher: "/curator",
    middlewares: [producerCors, refuseMalformedInput, rejectCrossSiteWrites("producer"), authenticateCuratorToken, resolveCuratorUnlessAccepting],
  },
  { matcher: "/curator/invites/accept", method: ["POST" as const], middlewares: [validateBody(CuratorAcceptInvite)] },
  { matcher: "/curator/certificates", method: ["GET" as const], middlewares: [validateQuery(CuratorListCertificates)] },
  { matcher: "/curator/certificates/:id", method: ["POST" as const], middlewares: [validateBody(CuratorUpdateCertificate)] },
  {
    matcher: "/curator/products/:id/certifications",
    method: ["POST" as const],
    middlewares: [validateBody(CuratorCertifyProduct)],
  },
  { matcher: "/curator/claims", method: ["GET" as const], middlewares: [validateQuery(CuratorListClaims)] },
  { matcher: "/curator/products/:id/visibility", method: ["POST" as const], middlewares: [validateBody(CuratorSetListingVisibility)] },
  { matcher: "/curator/lots", method: ["GET" as const], middlewares: [validateQuery(CuratorListLots)] },
  // Every /curator/lots/:id… route: the lot must be of the curator's provinces, else 404.
  { matcher: "/curator/lots/:id", middlewares: [requireProvinceLot] },
  { matcher: "/curator/lots/:id/recall", method: ["POST" as const], middlewares: [validateBody(RecallLot)] },
  { matcher: "/curator/reminders", method: ["GET" as const], middlewares: [validateQuery(CuratorListReminders)] },
  { matcher: "/curator/exports/register.csv", method: ["GET" as const], middlewares: [validateQuery(CuratorExportRegister)] },
  { matcher: "/curator/exports/register.xlsx", method: ["GET" as const], middlewares: [validateQuery(CuratorExportRegister)] },
  { matcher: "/curator/imports", method: ["GET" as const], middlewares: [validateQuery(CuratorListImports)] },
  { matcher: "/curator/imports/file", method: ["POST" as const], middlewares: [acceptListUpload, validateBody(CuratorImportFileFields)] },
  { matcher: "/admin/ocop/exports/register.xlsx", method: ["GET" as const], middlewares: [validateQuery(CuratorExportRegister)] },
  { matcher: "/admin/curators", method: ["GET" as const], middlewares: [validateQuery(AdminListCurators)] },
  { matcher: "/admin/curators/invites", method: ["POST" as const], middlewares: [validateBody(AdminCreateCuratorInvite)] },
  { matcher: "/admin/curators/:id", method: ["POST" as const], middlewares: [validateBody(AdminUpdateCurator)] },
]

export default defineMiddlewares({
  errorHandler: translateApiError,
  routes: [
    ...signInRoutes,
    // A NUL byte or a broken percent-encoding is refused before any route decodes or queries it; a write that
    // carries a session cookie must come from an allowed origin.
    { matcher: "/admin", middlewares: [refuseMalformedInput, rejectCrossSiteWrites("admin")] },
    { matcher: "/store", middlewares: [refuseMalformedInput, rejectCrossSiteWrites("store")] },
    { matcher: "/auth", middlewares: [refuseMalformedInput, rejectCrossSiteWrites("auth")] },
    // Method-less so it runs before Medusa's own cart body validation (see validate-line-quantities.ts).
    { matcher: "/store/carts", middlewares: [validateLineQuantities] },
    // Input checks after CORS, so the portal's browser can read the 400.
    { matcher: "/producer", middlewares: [producerCors, refuseMalformedInput, rejectCrossSiteWrites("producer"), authenticateProducerToken] },
    { matcher: "/producer/me", middlewares: [resolveProducerMember] },
    { matcher: "/producer/claims", middlewares: [resolveProducerMember] },
    { matcher: "/producer/products", middlewares: producerScoped },
    { matcher: "/producer/orders", middlewares: producerScoped },
    { matcher: "/producer/payouts", middlewares: producerScoped },
    { matcher: "/producer/dashboard", middlewares: producerScoped },
    { matcher: "/producer/producer", middlewares: producerScoped },
    { matcher: "/producer/shipping", middlewares: producerScoped },
    { matcher: "/producer/lots", middlewares: producerScoped },
    { matcher: "/producer/lots/:id", middlewares: [requireOwnLot] },
    { matcher: "/producer/lot-templates", middlewares: producerScoped },
    { matcher: "/producer/lot-templates/:id", middlewares: [requireOwnLotTemplate] },
    ...producerInputRoutes,
    ...curatorRoutes,
    ...featuredListRoutes,
    { matcher: "/store/products", middlewares: ocopProductMiddlewares },
    { matcher: "/store/products/:id", middlewares: ocopProductMiddlewares },
    ...storeOcopInputRoutes,
    ...adminInputRoutes,
    // The signature covers the exact bytes the bank service sent, hence the raw body is kept.
    {
      matcher: "/hooks/bank-transfers",
      method: ["POST"],
      bodyParser: { preserveRawBody: true },
      middlewares: [verifyBankWebhook, validateBody(BankWebhookBody)],
    },
    // VNPay calls with a GET query; its checksum is checked (and answered VNPay's way) before anything is read.
    { matcher: "/hooks/vnpay/ipn", method: ["GET"], middlewares: [verifyVnpayIpn as never] },
    { matcher: "/admin/bank-transfers", method: ["GET"], middlewares: [validateQuery(AdminListBankTransfers)] },
    { matcher: "/admin/bank-transfers/orders/:id/confirm", method: ["POST"], middlewares: [validateBody(AdminConfirmBankTransfer)] },
  ],
})
