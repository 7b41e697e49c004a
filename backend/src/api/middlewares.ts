import multer from "multer"
import {
  allowFields,
  authenticate,
  defineMiddlewares,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { validateLineQuantities } from "./store/carts/validate-line-quantities"
import { refuseMalformedInput } from "./utils/refuse-malformed-input"
import { translateApiError } from "./utils/translate-api-error"
import { acceptPhotos } from "./vendor/accept-photos"
import { vendorCors } from "./vendor/cors"
import { limitLoginAttempts } from "./vendor/limit-login-attempts"
import { requireProducer, resolveVendorMember } from "./vendor/scope"

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

// Provincial lists are a few MB at most; 20 MB leaves room for an annex with embedded images.
const uploadList = multer({ storage: multer.memoryStorage(), limits: { fileSize: 20 * 1024 * 1024, files: 1 } })

const ocopProductMiddlewares = [allowFields("certifications", "producer"), includeOcopRelationsByDefault]

// Method-less entries are prefix matches (Express `use`) and run parent path first. Everything under /vendor needs
// a producer token, so a route added later cannot be left open; a registration token (no member yet) is enough
// only for the two routes that create the member, because every other route first resolves the member.
const authenticateProducerToken = authenticate("producer", ["session", "bearer"], { allowUnregistered: true })
const producerScoped = [resolveVendorMember, requireProducer]

export default defineMiddlewares({
  errorHandler: translateApiError,
  routes: [
    // A NUL byte or a broken percent-encoding is refused before any route decodes or queries it.
    { matcher: "/store", middlewares: [refuseMalformedInput] },
    { matcher: "/admin", middlewares: [refuseMalformedInput] },
    { matcher: "/auth", middlewares: [refuseMalformedInput] },
    // Method-less so it runs before Medusa's own cart body validation (see validate-line-quantities.ts).
    { matcher: "/store/carts", middlewares: [validateLineQuantities] },
    { matcher: "/auth/producer/emailpass", method: ["POST"], middlewares: [limitLoginAttempts] },
    { matcher: "/auth/producer/emailpass/register", method: ["POST"], middlewares: [limitLoginAttempts] },
    { matcher: "/vendor", middlewares: [vendorCors, authenticateProducerToken] },
    // After CORS, so the portal's browser can read the 400 (same matcher: entries run in this order).
    { matcher: "/vendor", middlewares: [refuseMalformedInput] },
    { matcher: "/vendor/me", middlewares: [resolveVendorMember] },
    { matcher: "/vendor/claims", middlewares: [resolveVendorMember] },
    { matcher: "/vendor/products", middlewares: producerScoped },
    { matcher: "/vendor/orders", middlewares: producerScoped },
    { matcher: "/vendor/dashboard", middlewares: producerScoped },
    { matcher: "/vendor/products/:id/images", method: ["POST"], middlewares: [acceptPhotos] },
    { matcher: "/store/products", middlewares: ocopProductMiddlewares },
    { matcher: "/store/products/:id", middlewares: ocopProductMiddlewares },
    { matcher: "/admin/ocop/imports/file", method: ["POST"], middlewares: [uploadList.single("file")] },
    // `npm run import` posts a whole list as JSON.
    { matcher: "/admin/ocop/imports", method: ["POST"], bodyParser: { sizeLimit: "50mb" } },
  ],
})
