import type { MedusaResponse } from "@medusajs/framework/http"
import type { CuratorRequest } from "../scope"
import type { CuratorListCertificates } from "../validators"
import { listRegister } from "./read-certificates"

/**
 * GET /curator/certificates?status=&stars=&province=&q=&sort=&limit=&offset= — the certificate register of the
 * curator's provinces. `province` narrows within them; another province gives an empty page, not an error.
 */
export const GET = async (req: CuratorRequest, res: MedusaResponse) => {
  const params = req.validatedQuery as unknown as CuratorListCertificates
  const provinces = params.province ? req.curator.province_codes.filter((code) => code === params.province) : req.curator.province_codes
  const { rows, count } = provinces.length ? await listRegister(req.scope, provinces, params) : { rows: [], count: 0 }
  res.json({ certificates: rows, count, offset: params.offset, limit: params.limit })
}
