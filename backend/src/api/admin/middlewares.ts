import { acceptListUpload } from "../utils/accept-list-upload"
import { validateBody, validateQuery } from "../utils/validate-request"
import { AdminListLotRecalls } from "./lots/validators"
import { AdminCreateProducerInvite, AdminListProducerClaims } from "./producers/validators"
import { AdminImportFileFields, AdminImportRecords } from "./ocop/imports/validators"
import { AdminAssignProducer, AdminCertifyProduct, AdminListCertifications, AdminUpdateCertification } from "./ocop/validators"

const POST = ["POST" as const]
const GET = ["GET" as const]

/** The operator's OCOP, producer and claim routes: input checks before the handlers, which read `req.validated*`. */
export const adminInputRoutes = [
  { matcher: "/admin/ocop/certifications", method: GET, middlewares: [validateQuery(AdminListCertifications)] },
  { matcher: "/admin/ocop/certifications/:id", method: POST, middlewares: [validateBody(AdminUpdateCertification)] },
  { matcher: "/admin/products/:id/ocop/certifications", method: POST, middlewares: [validateBody(AdminCertifyProduct)] },
  { matcher: "/admin/products/:id/ocop/producer", method: POST, middlewares: [validateBody(AdminAssignProducer)] },
  { matcher: "/admin/producers/:id/invites", method: POST, middlewares: [validateBody(AdminCreateProducerInvite)] },
  { matcher: "/admin/producer-claims", method: GET, middlewares: [validateQuery(AdminListProducerClaims)] },
  { matcher: "/admin/lots/recalls", method: GET, middlewares: [validateQuery(AdminListLotRecalls)] },
  // The form's `mode` field exists only once multer has parsed the multipart body.
  { matcher: "/admin/ocop/imports/file", method: POST, middlewares: [acceptListUpload, validateBody(AdminImportFileFields)] },
  // `npm run import` posts a whole list as JSON.
  { matcher: "/admin/ocop/imports", method: POST, bodyParser: { sizeLimit: "50mb" }, middlewares: [validateBody(AdminImportRecords)] },
]
