import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { OcopEvents } from "@ocop/domain"
import { Modules } from "@medusajs/framework/utils"
import type { RowError } from "@ocop/seed"
import { OCOP_MODULE } from "../../modules/ocop"
import { PRODUCER_MODULE } from "../../modules/producer"
import type { ImportMode, ImportPlan } from "./import/plan-import"
import { createImportedProductsStep } from "./import/steps/create-imported-products"
import { issueImportedCertificationsStep } from "./import/steps/issue-imported-certifications"
import { linkImportedRecordsStep } from "./import/steps/link-imported-records"
import { recordImportRunStep } from "./import/steps/record-import-run"
import { revokeCertificationsStep } from "./import/steps/revoke-certifications"
import { supersedeCertificationsStep } from "./import/steps/supersede-certifications"
import { upsertImportProducersStep } from "./import/steps/upsert-import-producers"

export type ImportCertificationsInput = {
  /**
   * What to write, decided by planImport from the rows that passed the record schema (validated and resolved
   * before anything is written). Planned before the workflow, not in a step of it: the plan only reads, and the
   * workflow SDK deep-copies a workflow's input for every transform and step that names it, so 20,000 records given
   * as input were copied several times even when the plan found nothing to write (an unchanged list).
   */
  plan: ImportPlan
  mode: ImportMode
  source: string
  /** rows written per statement */
  chunk_size: number
  /** data rows in the request or file */
  read: number
  /** rows planned (valid rows of the request or chunk), added to a chunked run's `processed` */
  processed: number
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
  // For the transforms that need no plan: naming `input` copies the whole plan (20,000 rows of a first import).
  const settings = transform({ input }, ({ input: { plan: _plan, ...rest } }) => rest)
  const producerIds = upsertImportProducersStep(
    transform({ input }, ({ input: { plan, chunk_size } }) => ({ rows: [...plan.create, ...plan.relinkProducer], chunk_size }))
  )
  const productIds = createImportedProductsStep(
    transform({ input }, ({ input: { plan, chunk_size } }) => ({ rows: plan.create, sales_channel_id: plan.sales_channel_id, chunk_size }))
  )
  linkImportedRecordsStep(
    transform({ input, producerIds, productIds }, ({ input: { plan, chunk_size }, producerIds, productIds }) => ({
      links: [...plan.create, ...plan.relinkProducer]
        .filter((row) => producerIds[row.key])
        .map((row) => ({
          [Modules.PRODUCT]: { product_id: row.product_id ?? productIds[row.key] },
          [PRODUCER_MODULE]: { producer_id: producerIds[row.key] },
        })),
      chunk_size,
    }))
  ).config({ name: "link-imported-producers" })

  supersedeCertificationsStep(
    transform({ input }, ({ input: { plan, chunk_size } }) => ({
      // Only stored certificates: one this request replaces itself is issued already superseded.
      certifications: plan.recertify.flatMap((row) => (row.supersedes?.id ? [{ id: row.supersedes.id, status: row.supersedes.status }] : [])),
      chunk_size,
    }))
  )
  const issued = issueImportedCertificationsStep(
    transform({ input, productIds }, ({ input: { plan, source, chunk_size }, productIds }) => ({
      rows: [...plan.create, ...plan.recertify],
      productIds,
      source,
      chunk_size,
    }))
  )
  linkImportedRecordsStep(
    transform({ issued, settings }, ({ issued, settings }) => ({
      links: issued.map(([productId, certificationId]) => ({
        [Modules.PRODUCT]: { product_id: productId },
        [OCOP_MODULE]: { certification_id: certificationId },
      })),
      chunk_size: settings.chunk_size,
    }))
  ).config({ name: "link-imported-certifications" })

  const revoked = revokeCertificationsStep(
    transform({ input }, ({ input: { plan, source } }) => ({
      ids: plan.revoke.map((r) => r.id),
      reason: `Thu hồi theo danh sách ${source}`,
    }))
  )

  const summary = transform({ input, revoked }, ({ input: { plan, ...given }, revoked }) => ({
    source: given.source,
    mode: given.mode,
    read: given.read,
    created: plan.create.length,
    updated: plan.recertify.length + revoked.length,
    unchanged: plan.unchanged,
    rejected: given.rejected_before + plan.rejected.length,
    // In row order, so the report reads like the file.
    errors: [...given.errors_before, ...plan.rejected].sort((a, b) => a.source_row - b.source_row),
    run_id: given.run_id,
    processed: given.processed,
  }))
  const run = recordImportRunStep(summary)

  emitEventStep(
    transform({ issued, settings }, ({ issued, settings }) => {
      // One event per chunk of products, not one for the whole list: the index builds a chunk's documents per event
      // (a 20,000-product event read and held 20,000 products' graphs at once in the ingesting process), and the
      // first documents are searchable while the next are built.
      const ids = [...new Set(issued.map(([productId]) => productId))]
      const data: { product_ids: string[] }[] = []
      for (let start = 0; start < ids.length; start += settings.chunk_size) data.push({ product_ids: ids.slice(start, start + settings.chunk_size) })
      // Ahead of the import's other queued events (Redis event bus; the in-memory bus has no queue): the module
      // events of every product, option and link it wrote (lowest priority) and the `product.created` a worker may
      // not have worked through yet, none of which changes a document. Priority 10 is Medusa's "critical" level.
      return { eventName: OcopEvents.CATALOG_IMPORTED, data, options: { priority: 10 } }
    })
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
