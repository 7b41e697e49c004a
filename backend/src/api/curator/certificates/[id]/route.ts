import type { MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { updateCertificationWorkflow } from "../../../../workflows/ocop/update-certification"
import { notFound, type CuratorRequest } from "../../scope"
import type { CuratorUpdateCertificate } from "../../validators"
import { presentRegisterRow, readScopedCertificate } from "../read-certificates"

/** GET /curator/certificates/:id — one certificate of the curator's provinces with its rating history. */
export const GET = async (req: CuratorRequest, res: MedusaResponse) => {
  const cert = await readScopedCertificate(req.scope, req.curator.province_codes, req.params.id)
  if (!cert) throw notFound("Certificate", req.params.id)
  res.json({ certificate: presentRegisterRow(cert) })
}

/**
 * POST /curator/certificates/:id — completes or corrects the decision (number, date, certifying level,
 * valid-until), or revokes (`revoke: { decision_number, decision_date, reason }`), through the operator's
 * updateCertificationWorkflow; the history entry names the curator. 404 for another province's certificate.
 */
export const POST = async (req: CuratorRequest<CuratorUpdateCertificate>, res: MedusaResponse) => {
  const { province_codes, recorded_by } = req.curator
  const existing = await readScopedCertificate(req.scope, province_codes, req.params.id)
  if (!existing) throw notFound("Certificate", req.params.id)
  const { revoke, note, ...correction } = req.validatedBody
  // Revoking twice would only overwrite the first revocation's reason, with no history entry to show it.
  if (revoke && existing.status === "revoked") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "revoke: chứng nhận đã bị thu hồi / this certificate is already revoked")
  }
  const input = revoke
    ? {
        id: existing.id,
        status: "revoked" as const,
        status_reason: revoke.reason,
        status_decision: { decision_number: revoke.decision_number, decision_date: revoke.decision_date },
        recorded_by,
      }
    : { id: existing.id, ...correction, note: note ?? null, recorded_by }
  await updateCertificationWorkflow(req.scope).run({ input })
  const updated = await readScopedCertificate(req.scope, province_codes, existing.id)
  res.json({ certificate: presentRegisterRow(updated) })
}
