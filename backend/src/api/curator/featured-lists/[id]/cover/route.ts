import type { MedusaResponse } from "@medusajs/framework/http"
import type { CuratorRequest } from "../../../scope"
import { curatorFeaturedScope } from "../../scope"
import { readScopedFeaturedList, setFeaturedListCover } from "../../../../featured/handlers"

/**
 * POST …/featured-lists/:id/cover — multipart `file`: checked, stripped of metadata and rendered in
 * AVIF/WebP/JPEG × 480/960/1600 like producers' photos, then stored through the File Module.
 */
export const POST = async (req: CuratorRequest, res: MedusaResponse) => {
  const list = await readScopedFeaturedList(req.scope, curatorFeaturedScope(req), req.params.id)
  res.json({ featured_list: await setFeaturedListCover(req.scope, list, (req as any).file) })
}
