import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { OcopEvents } from "@ocop/domain"
import { Modules } from "@medusajs/framework/utils"
import type { CertificationRecord, RowError } from "@ocop/seed"
import { OCOP_MODULE } from "../../modules/ocop"
import { PRODUCER_MODULE } from "../../modules/producer"
import type { ImportMode } from "./import/plan-import"
import { createImportedProductsStep } from "./import/steps/create-imported-products"
import { issueImportedCertificationsStep } from "./import/steps/issue-imported-certifications"
import { linkImportedRecordsStep } from "./import/steps/link-imported-records"
import { planImportStep } from "./import/steps/plan-import"
import { recordImportRunStep } from "./import/steps/record-import-run"
import { revokeCertificationsStep } from "./import/steps/revoke-certifications"
import { supersedeCertificationsStep } from "./import/steps/supersede-certifications"
import { upsertImportProducersStep } from "./import/steps/upsert-import-producers"

export type ImportCertificationsInput = {
  /** rows that passed the record schema (validated and resolved before anything is written) */
  records: CertificationRecord[]
  mode: ImportMode
  source: string
  /** rows written per statement */
  chunk_size: number
  /** data rows in the request or file */
  read: number
  /** rows rejected before the workflow (parser or schema) and their errors */
  rejected_before: number
  errors_before: RowError[]
  /** a run recorded before its rows (a curator's chunked import): this request is one chunk of it */
  run_id?: string
}

/**
 * Imports a whole list as one unit: every step writes in chunks and undoes its writes if a later step fails, so a
 * request either ends with its summary or leaves nothing behind. Idempotent too: every write is "find, else
 * create", keyed by the listed product (province + name + producer), so the same list twice changes nothing and a
 * process killed half-way (no compensation can run then) is finished by importing the list again.
 */
export const importCertificationsWorkflow = createWorkflow("import-certifications", (input: ImportCertificationsInput) => {
  const plan = planImportStep(transform({ input }, ({ input }) => ({ records: input.records, mode: input.mode, chunk_size: input.chunk_size })))
  const producerIds = upsertImportProducersStep(
    transform({ plan, input }, ({ plan, input }) => ({
      rows: [...plan.create, ...plan.relinkProducer],
      chunk_size: input.chunk_size,
    }))
  )
  const productIds = createImportedProductsStep(
    transform({ plan, input }, ({ plan, input }) => ({
      rows: plan.create,
      sales_channel_id: plan.sales_channel_id,
      chunk_size: input.chunk_size,
    }))
  )
  linkImportedRecordsStep(
    transform({ plan, producerIds, productIds, input }, ({ plan, producerIds, productIds, input }) => ({
      links: [...plan.create, ...plan.relinkProducer]
        .filter((row) => producerIds[row.key])
        .map((row) => ({
          [Modules.PRODUCT]: { product_id: row.product_id ?? productIds[row.key] },
          [PRODUCER_MODULE]: { producer_id: producerIds[row.key] },
        })),
      chunk_size: input.chunk_size,
    }))
  ).config({ name: "link-imported-producers" })

  supersedeCertificationsStep(
    transform({ plan, input }, ({ plan, input }) => ({
      // Only stored certificates: one this request replaces itself is issued already superseded.
      certifications: plan.recertify.flatMap((row) => (row.supersedes?.id ? [{ id: row.supersedes.id, status: row.supersedes.status }] : [])),
      chunk_size: input.chunk_size,
    }))
  )
  const issued = issueImportedCertificationsStep(
    transform({ plan, productIds, input }, ({ plan, productIds, input }) => ({
      rows: [...plan.create, ...plan.recertify],
      productIds,
      source: input.source,
      chunk_size: input.chunk_size,
    }))
  )
  linkImportedRecordsStep(
    transform({ issued, input }, ({ issued, input }) => ({
      links: issued.map(([productId, certificationId]) => ({
        [Modules.PRODUCT]: { product_id: productId },
        [OCOP_MODULE]: { certification_id: certificationId },
      })),
      chunk_size: input.chunk_size,
    }))
  ).config({ name: "link-imported-certifications" })

  const revoked = revokeCertificationsStep(
    transform({ plan, input }, ({ plan, input }) => ({
      ids: plan.revoke.map((r) => r.id),
      reason: `Thu hồi theo danh sách ${input.source}`,
    }))
  )

  const summary = transform({ plan, revoked, input }, ({ plan, revoked, input }) => ({
    source: input.source,
    mode: input.mode,
    read: input.read,
    created: plan.create.length,
    updated: plan.recertify.length + revoked.length,
    unchanged: plan.unchanged,
    rejected: input.rejected_before + plan.rejected.length,
    // In row order, so the report reads like the file.
    errors: [...input.errors_before, ...plan.rejected].sort((a, b) => a.source_row - b.source_row),
    run_id: input.run_id,
    processed: input.records.length,
  }))
  const run = recordImportRunStep(summary)

  emitEventStep(
    transform({ issued }, ({ issued }) => ({
      eventName: OcopEvents.CATALOG_IMPORTED,
      data: { product_ids: issued.map(([productId]) => productId) },
    }))
  ).config({ name: "emit-catalog-imported" })
  emitEventStep(
    transform({ revoked }, ({ revoked }) => ({
      eventName: OcopEvents.CERTIFICATION_UPDATED,
      data: revoked.map((id) => ({ id })),
    }))
  ).config({ name: "emit-certifications-revoked" })
  return new WorkflowResponse(
    transform({ summary, run }, ({ summary, run }) => {
      const { run_id: _runId, processed: _processed, ...counts } = summary
      return { id: run.id, ...counts }
    })
  )
})
