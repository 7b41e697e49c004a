import multer from "multer"
import {
  allowFields,
  defineMiddlewares,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"

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

export default defineMiddlewares({
  routes: [
    { matcher: "/store/products", middlewares: ocopProductMiddlewares },
    { matcher: "/store/products/:id", middlewares: ocopProductMiddlewares },
    { matcher: "/admin/ocop/imports/file", method: ["POST"], middlewares: [uploadList.single("file")] },
    // `npm run import` posts a whole list as JSON.
    { matcher: "/admin/ocop/imports", method: ["POST"], bodyParser: { sizeLimit: "50mb" } },
  ],
})
