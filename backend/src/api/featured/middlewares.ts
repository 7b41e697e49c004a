import { validateBody, validateQuery } from "../utils/validate-request"
import { acceptCover } from "./accept-cover"
import {
  AdminCreateFeaturedList,
  CuratorCreateFeaturedList,
  ListFeaturedLists,
  ReorderFeaturedList,
  StoreListFeaturedLists,
  UpdateFeaturedList,
} from "./validators"

const POST = ["POST" as const]
const GET = ["GET" as const]

/**
 * Featured lists' input checks. The curator routes sit under /curator, whose prefix middleware (authentication and
 * the curator's provinces) runs first; /admin is Medusa's operator authentication.
 */
export const featuredListRoutes = [
  ...(["/curator", "/admin"] as const).flatMap((prefix) => [
    { matcher: `${prefix}/featured-lists`, method: GET, middlewares: [validateQuery(ListFeaturedLists)] },
    {
      matcher: `${prefix}/featured-lists`,
      method: POST,
      middlewares: [validateBody(prefix === "/curator" ? CuratorCreateFeaturedList : AdminCreateFeaturedList)],
    },
    { matcher: `${prefix}/featured-lists/:id`, method: POST, middlewares: [validateBody(UpdateFeaturedList)] },
    { matcher: `${prefix}/featured-lists/:id/products`, method: POST, middlewares: [validateBody(ReorderFeaturedList)] },
    { matcher: `${prefix}/featured-lists/:id/cover`, method: POST, middlewares: [acceptCover] },
  ]),
  { matcher: "/store/featured-lists", method: GET, middlewares: [validateQuery(StoreListFeaturedLists)] },
]
