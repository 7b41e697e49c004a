import type { MedusaResponse } from "@medusajs/framework/http"
import type { CuratorMe, Presented } from "@ocop/contracts"
import { getProvince } from "@ocop/domain/places"
import { presentCurator, type CuratorRequest } from "../scope"

/** GET /curator/me — the signed-in curator and the provinces it works on (all 34 for the national office). */
export const GET = async (req: CuratorRequest, res: MedusaResponse) => {
  res.json({
    curator: presentCurator(req.curator.record),
    provinces: req.curator.province_codes.map((code) => ({ code, name: getProvince(code)!.name })),
  } satisfies Presented<CuratorMe>)
}
