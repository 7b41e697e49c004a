import type { MedusaResponse } from "@medusajs/framework/http"
import type { CuratorRequest } from "../../scope"
import { presentImport, readScopedRun } from "../present-import"

/** GET /curator/imports/:id — one run and how far it has got: the console polls it for its progress bar. */
export const GET = async (req: CuratorRequest, res: MedusaResponse) => {
  res.json({ import: presentImport(await readScopedRun(req)) })
}
