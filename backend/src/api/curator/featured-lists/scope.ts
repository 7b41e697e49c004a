import type { FeaturedScope } from "../../featured/handlers"
import type { CuratorRequest } from "../scope"

/** A curator reaches its provinces' lists, as resolved by the /curator middleware. */
export const curatorFeaturedScope = (req: CuratorRequest<any>): FeaturedScope => ({
  province_codes: req.curator.province_codes,
  recorded_by: req.curator.recorded_by,
})
