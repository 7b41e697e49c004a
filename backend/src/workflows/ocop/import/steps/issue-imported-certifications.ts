import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../../../modules/ocop"
import type OcopModuleService from "../../../../modules/ocop/service"
import { certifiedStars } from "@ocop/domain"
import { ratingKindFor, type PlannedRow } from "../plan-import"
import { writeInChunks } from "../write-in-chunks"

/**
 * One certificate per planned row, with the history entry its change calls for. Returns [product id, cert id].
 * Round by round (a listing's earlier rating in this request before its later one), so certificates are created in
 * decision order; an earlier rating that a later row of the same request replaces is issued already superseded.
 */
export const issueImportedCertificationsStep = createStep(
  "issue-imported-certifications",
  async (input: { rows: PlannedRow[]; productIds: Record<string, string>; source: string; chunk_size: number }, { container }) => {
    if (!input.rows.length) return new StepResponse([] as [string, string][], [] as string[])
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const pairs = await writeInChunks(
      chunksByRound(input.rows, input.chunk_size),
      1,
      async ([chunk]) => {
        const created = await ocop.issueCertifications(
          chunk.map((row) => {
            const r = row.record
            return {
              stars: certifiedStars(r),
              potential_five_star: r.potential_five_star,
              score: r.score,
              product_group_code: r.product_group_code,
              decision_number: r.decision_number,
              decision_date: r.decision_date,
              valid_until: r.valid_until,
              province_as_listed: r.province_as_listed,
              district_as_listed: r.district_as_listed,
              commune_as_listed: r.commune_as_listed,
              province_code: r.province_code_2025,
              commune_code: r.commune_code_2025,
              source: input.source,
              import_key: row.key,
              fingerprint: row.fingerprint,
              event_kind: ratingKindFor(row),
              previous_stars: row.supersedes?.stars ?? null,
              status: row.superseded_in_request ? ("superseded" as const) : undefined,
              // The list's own remark ("đánh giá lại", "nâng hạng") and, for "tiềm năng 5 sao" without a tier, why 4★.
              note: [r.note, r.stars === null ? "Hạng 4 sao suy ra từ “tiềm năng 5 sao”" : null].filter(Boolean).join("; ") || null,
            }
          })
        )
        return created.map((cert, i): [string, string] => [chunk[i].product_id ?? input.productIds[chunk[i].key], cert.id])
      },
      // Certificates cascade to their rating events.
      (done) => ocop.deleteCertifications(done.map(([, id]) => id))
    )
    return new StepResponse(
      pairs,
      pairs.map(([, id]) => id)
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await ocop.deleteCertifications(ids)
  }
)

/** Chunks of at most `size` rows, never mixing two rounds, earliest round first. */
function chunksByRound(rows: PlannedRow[], size: number): PlannedRow[][] {
  const rounds: PlannedRow[][] = []
  for (const row of rows) (rounds[row.round] ??= []).push(row)
  return rounds.flatMap((round) => {
    const chunks: PlannedRow[][] = []
    for (let start = 0; start < round.length; start += size) chunks.push(round.slice(start, start + size))
    return chunks
  })
}
