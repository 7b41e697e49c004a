import type { MedusaResponse } from "@medusajs/framework/http"
import type { CuratorRequest } from "../scope"
import { readDashboard } from "./read-dashboard"

/**
 * GET /curator/dashboard — the figures of the curator's provinces: products by star tier, QĐ 148 sector, commune and
 * producer type, on sale vs showcase; women-led and ethnic-minority-led producers; sales of the last 30 days;
 * certificates ending within 30 and 90 days, expired, revoked, of unknown validity; pending claims; lots recorded,
 * scans of the last 30 days, open scan flags and recalls.
 */
export const GET = async (req: CuratorRequest, res: MedusaResponse) => {
  res.json({ dashboard: await readDashboard(req.scope, req.curator.province_codes) })
}
