import type { MedusaResponse } from "@medusajs/framework/http"
import { OCOP_IMPORT_MODULE } from "../../../modules/ocop-import"
import type OcopImportModuleService from "../../../modules/ocop-import/service"
import type { CuratorRequest } from "../scope"
import type { CuratorListImports } from "../validators"
import { presentImport, visibleRuns } from "./present-import"

/** GET /curator/imports?limit=&offset= — the imports of the curator's provinces, newest first: who, when, which file, counts. */
export const GET = async (req: CuratorRequest, res: MedusaResponse) => {
  const params = req.validatedQuery as unknown as CuratorListImports
  const runs: OcopImportModuleService = req.scope.resolve(OCOP_IMPORT_MODULE)
  const [list, count] = await runs.listAndCountImportRuns(visibleRuns(req) as any, {
    order: { created_at: "DESC", id: "DESC" },
    skip: params.offset,
    take: params.limit,
  })
  res.json({ imports: list.map(presentImport), count, offset: params.offset, limit: params.limit })
}
