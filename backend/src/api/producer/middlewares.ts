import { validateBody, validateQuery } from "../utils/validate-request"
import { acceptPhotos } from "./accept-photos"
import { resolveOwnOrderPart } from "./orders/own-part"
import { checkShippedLots } from "./orders/shipped-lots"
import {
  ProducerAcceptInvite,
  ProducerAddVariant,
  ProducerCreateClaim,
  ProducerCreateFulfillment,
  ProducerCreateMember,
  ProducerListQuery,
  ProducerUpdateProduct,
  ProducerUpdateProducer,
  ProducerUpdateShipping,
  ProducerUploadPhotos,
} from "./validators"
import { acceptLotDocument } from "./lots/accept-lot-document"
import { requireOwnLotProduct } from "./lots/scope"
import { SaveLotTemplate } from "./lot-templates/validators"
import {
  IssueLotSerials,
  LabelSheetQuery,
  ProducerAddLotDocument,
  ProducerAddLotStep,
  ProducerCreateLot,
  ProducerListLots,
  RecallLot,
  SerialSheetQuery,
  VoidLotSerials,
} from "./lots/validators"

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
  { matcher: "/producer/shipping", method: POST, middlewares: [validateBody(ProducerUpdateShipping)] },
  { matcher: "/producer/products", method: GET, middlewares: [validateQuery(ProducerListQuery)] },
  { matcher: "/producer/products/:id", method: POST, middlewares: [validateBody(ProducerUpdateProduct)] },
  { matcher: "/producer/products/:id/variants", method: POST, middlewares: [validateBody(ProducerAddVariant)] },
  // The photos are read first: a multipart body's other fields exist only once multer has parsed it.
  { matcher: "/producer/products/:id/images", method: POST, middlewares: [acceptPhotos, validateBody(ProducerUploadPhotos)] },
  { matcher: "/producer/orders", method: GET, middlewares: [validateQuery(ProducerListQuery)] },
  { matcher: "/producer/orders/:id/fulfillments", method: POST, middlewares: [validateBody(ProducerCreateFulfillment), checkShippedLots] },
  // Lots: /producer/lots/:id and below are the producer's own lot (requireOwnLot, api/middlewares.ts) before input is read.
  { matcher: "/producer/lots", method: GET, middlewares: [validateQuery(ProducerListLots)] },
  { matcher: "/producer/lot-templates", method: POST, middlewares: [validateBody(SaveLotTemplate)] },
  { matcher: "/producer/lots", method: POST, middlewares: [validateBody(ProducerCreateLot), requireOwnLotProduct] },
  { matcher: "/producer/lots/:id/steps", method: POST, middlewares: [acceptPhotos, validateBody(ProducerAddLotStep)] },
  { matcher: "/producer/lots/:id/documents", method: POST, middlewares: [acceptLotDocument, validateBody(ProducerAddLotDocument)] },
  { matcher: "/producer/lots/:id/recall", method: POST, middlewares: [validateBody(RecallLot)] },
  { matcher: "/producer/lots/:id/label-sheet", method: GET, middlewares: [validateQuery(LabelSheetQuery)] },
  { matcher: "/producer/lots/:id/serials", method: POST, middlewares: [validateBody(IssueLotSerials)] },
  { matcher: "/producer/lots/:id/serials/label-sheet", method: GET, middlewares: [validateQuery(SerialSheetQuery)] },
  { matcher: "/producer/lots/:id/serials/void", method: POST, middlewares: [validateBody(VoidLotSerials)] },
  // Body-less actions on the producer's own part of an order (issue 15); the part is found from the actor.
  { matcher: "/producer/orders/:id/delivery", method: POST, middlewares: [resolveOwnOrderPart] },
  { matcher: "/producer/orders/:id/cancel", method: POST, middlewares: [resolveOwnOrderPart] },
]
