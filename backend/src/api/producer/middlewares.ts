import { validateBody, validateQuery } from "../utils/validate-request"
import { acceptPhotos } from "./accept-photos"
import {
  VendorAcceptInvite,
  VendorAddVariant,
  VendorCreateClaim,
  VendorCreateFulfillment,
  VendorCreateMember,
  VendorListQuery,
  VendorUpdateProduct,
  VendorUploadPhotos,
} from "./validators"

const POST = ["POST" as const]
const GET = ["GET" as const]

/**
 * The portal's input checks. They run after the /producer prefix middlewares (CORS, the producer token, the member
 * and its producer), so a stranger is refused before their input is read; handlers read `req.validated*`.
 */
export const vendorInputRoutes = [
  { matcher: "/producer/members", method: POST, middlewares: [validateBody(VendorCreateMember)] },
  { matcher: "/producer/invites/accept", method: POST, middlewares: [validateBody(VendorAcceptInvite)] },
  { matcher: "/producer/claims", method: POST, middlewares: [validateBody(VendorCreateClaim)] },
  { matcher: "/producer/products", method: GET, middlewares: [validateQuery(VendorListQuery)] },
  { matcher: "/producer/products/:id", method: POST, middlewares: [validateBody(VendorUpdateProduct)] },
  { matcher: "/producer/products/:id/variants", method: POST, middlewares: [validateBody(VendorAddVariant)] },
  // The photos are read first: a multipart body's other fields exist only once multer has parsed it.
  { matcher: "/producer/products/:id/images", method: POST, middlewares: [acceptPhotos, validateBody(VendorUploadPhotos)] },
  { matcher: "/producer/orders", method: GET, middlewares: [validateQuery(VendorListQuery)] },
  { matcher: "/producer/orders/:id/fulfillments", method: POST, middlewares: [validateBody(VendorCreateFulfillment)] },
]
