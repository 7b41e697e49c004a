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
 * The portal's input checks. They run after the /vendor prefix middlewares (CORS, the producer token, the member
 * and its producer), so a stranger is refused before their input is read; handlers read `req.validated*`.
 */
export const vendorInputRoutes = [
  { matcher: "/vendor/members", method: POST, middlewares: [validateBody(VendorCreateMember)] },
  { matcher: "/vendor/invites/accept", method: POST, middlewares: [validateBody(VendorAcceptInvite)] },
  { matcher: "/vendor/claims", method: POST, middlewares: [validateBody(VendorCreateClaim)] },
  { matcher: "/vendor/products", method: GET, middlewares: [validateQuery(VendorListQuery)] },
  { matcher: "/vendor/products/:id", method: POST, middlewares: [validateBody(VendorUpdateProduct)] },
  { matcher: "/vendor/products/:id/variants", method: POST, middlewares: [validateBody(VendorAddVariant)] },
  // The photos are read first: a multipart body's other fields exist only once multer has parsed it.
  { matcher: "/vendor/products/:id/images", method: POST, middlewares: [acceptPhotos, validateBody(VendorUploadPhotos)] },
  { matcher: "/vendor/orders", method: GET, middlewares: [validateQuery(VendorListQuery)] },
  { matcher: "/vendor/orders/:id/fulfillments", method: POST, middlewares: [validateBody(VendorCreateFulfillment)] },
]
