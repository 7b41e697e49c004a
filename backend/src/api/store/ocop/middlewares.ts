import { validateQuery } from "../../utils/validate-request"
import { StoreSearchProducts, StoreSuggestProducts } from "./search/validators"
import { StoreGetOcopProduct, StoreListOcopProducts } from "./validators"
import { validateBody } from "../../utils/validate-request"
import { StoreRecordLotScan, StoreResolveLot } from "./lots/validators"

const GET = ["GET" as const]

/** The shop's OCOP catalogue and search: query checks before the handlers, which read `req.validatedQuery`. */
export const storeOcopInputRoutes = [
  { matcher: "/store/ocop/products", method: GET, middlewares: [validateQuery(StoreListOcopProducts)] },
  { matcher: "/store/ocop/products/:id", method: GET, middlewares: [validateQuery(StoreGetOcopProduct)] },
  { matcher: "/store/ocop/search", method: GET, middlewares: [validateQuery(StoreSearchProducts)] },
  { matcher: "/store/ocop/search/suggest", method: GET, middlewares: [validateQuery(StoreSuggestProducts)] },
  { matcher: "/store/ocop/lots/:code/scans", method: ["POST" as const], middlewares: [validateBody(StoreRecordLotScan)] },
  { matcher: "/store/ocop/resolve-lot", method: GET, middlewares: [validateQuery(StoreResolveLot)] },
]
