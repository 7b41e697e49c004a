import { validateBody, validateQuery } from "../utils/validate-request"
import { acceptPhotos } from "./accept-photos"
import { resolveOwnOrderPart } from "./orders/own-part"
import {
  ProducerAcceptInvite,
  ProducerAddVariant,
  ProducerCreateClaim,
  ProducerCreateFulfillment,
  ProducerCreateMember,
  ProducerListQuery,
  ProducerUpdateProduct,
  ProducerUpdateProducer,
  ProducerUploadPhotos,
} from "./validators"

const POST = ["POST" as const]
const GET = ["GET" as const]

/**
 * The portal's input checks. They run after the /producer prefix middlewares (CORS, the producer token, the member
 * and its producer), so a stranger is refused before their input is read; handlers read `req.validated*`.
 */
export const producerInputRoutes = [
  { matcher: "/producer/members", method: POST, middlewares: [validateBody(ProducerCreateMember)] },
  { matcher: "/producer/invites/accept", method: POST, middlewares: [validateBody(ProducerAcceptInvite)] },
  { matcher: "/producer/claims", method: POST, middlewares: [validateBody(ProducerCreateClaim)] },
  { matcher: "/producer/producer", method: POST, middlewares: [validateBody(ProducerUpdateProducer)] },
  { matcher: "/producer/products", method: GET, middlewares: [validateQuery(ProducerListQuery)] },
  { matcher: "/producer/products/:id", method: POST, middlewares: [validateBody(ProducerUpdateProduct)] },
  { matcher: "/producer/products/:id/variants", method: POST, middlewares: [validateBody(ProducerAddVariant)] },
  // The photos are read first: a multipart body's other fields exist only once multer has parsed it.
  { matcher: "/producer/products/:id/images", method: POST, middlewares: [acceptPhotos, validateBody(ProducerUploadPhotos)] },
  { matcher: "/producer/orders", method: GET, middlewares: [validateQuery(ProducerListQuery)] },
  { matcher: "/producer/orders/:id/fulfillments", method: POST, middlewares: [validateBody(ProducerCreateFulfillment)] },
  // Body-less actions on the producer's own part of an order (issue 15); the part is found from the actor.
  { matcher: "/producer/orders/:id/delivery", method: POST, middlewares: [resolveOwnOrderPart] },
  { matcher: "/producer/orders/:id/cancel", method: POST, middlewares: [resolveOwnOrderPart] },
]
