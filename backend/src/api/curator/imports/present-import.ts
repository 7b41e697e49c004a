import type { MedusaRequest } from "@medusajs/framework/http"
import type { ImportRun, Presented } from "@ocop/contracts"
import { OCOP_IMPORT_MODULE } from "../../../modules/ocop-import"
import type OcopImportModuleService from "../../../modules/ocop-import/service"
import { parseRequest } from "../../utils/parse-request"
import { AdminImportRunParams } from "../../admin/ocop/imports/validators"
import { notFound, type CuratorRequest } from "../scope"

/**
 * The runs a curator sees: those run by a curator whose provinces were all the viewer's (a colleague of the same
 * province, or the viewer), never the operator's admin imports (no provinces recorded). A national curator sees
 * every curator's run.
 */
export function visibleRuns(req: CuratorRequest) {
  return { province_codes: { $contained: req.curator.province_codes } }
}

/** One run of the curator's provinces, or 404 (another province's run is not confirmed to exist). */
export async function readScopedRun(req: CuratorRequest & MedusaRequest, id = parseRequest(AdminImportRunParams, req.params).id) {
  const runs: OcopImportModuleService = req.scope.resolve(OCOP_IMPORT_MODULE)
  const [run] = await runs.listImportRuns({ id, ...visibleRuns(req) } as any)
  if (!run) throw notFound("import", id)
  return run
}

type Run = Awaited<ReturnType<OcopImportModuleService["retrieveImportRun"]>>

/** What the console shows of a run: who, when, which file, how far, the counts; the errors are in the report. */
export function presentImport(run: Run) {
  const errors = (run.errors as unknown as unknown[]) ?? []
  return {
    id: run.id,
    file_name: run.source,
    status: run.status,
    curator: { id: run.curator_id, email: run.curator_email },
    created_at: run.created_at,
    updated_at: run.updated_at,
    total: run.total,
    processed: run.processed,
    // 100 when there is nothing (left) to write: a list of refused rows only is finished at once.
    progress: run.total ? Math.floor((run.processed / run.total) * 100) : 100,
    read: run.read,
    created: run.created,
    updated: run.updated,
    unchanged: run.unchanged,
    rejected: run.rejected,
    errors_total: errors.length,
    failure: run.failure ?? null,
    report_url: `/curator/imports/${run.id}/report`,
  } satisfies Presented<ImportRun>
}
