import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import type { CertificationRecord } from "@ocop/seed"
import { OCOP_MODULE } from "../../modules/ocop"
import { PRODUCER_MODULE } from "../../modules/producer"
import type { ImportMode } from "./import/plan-import"
import {
  createImportedProductsStep,
  issueImportedCertificationsStep,
  planImportStep,
  revokeCertificationsStep,
  supersedeCertificationsStep,
  upsertImportProducersStep,
} from "./import/steps"

export type ImportCertificationsInput = { records: CertificationRecord[]; mode: ImportMode; source: string }

/**
 * Imports one batch of validated rows from a provincial list. Idempotent: every write is "find, else create",
 * keyed by the listed product (province + name + producer), so the same list twice changes nothing and a list
 * interrupted half-way, imported again, ends with no duplicates. Each step undoes its writes if a later fails.
 */
export const importCertificationsWorkflow = createWorkflow(
  "import-certifications",
  (input: ImportCertificationsInput) => {
    const plan = planImportStep(input)
    const producerIds = upsertImportProducersStep(
      transform({ plan }, ({ plan }) => [...plan.create, ...plan.relinkProducer])
    )
    const productIds = createImportedProductsStep(
      transform({ plan }, ({ plan }) => ({ rows: plan.create, sales_channel_id: plan.sales_channel_id }))
    )
    createRemoteLinkStep(
      transform({ plan, producerIds, productIds }, ({ plan, producerIds, productIds }) =>
        [...plan.create, ...plan.relinkProducer]
          .filter((row) => producerIds[row.key])
          .map((row) => ({
            [Modules.PRODUCT]: { product_id: row.product_id ?? productIds[row.key] },
            [PRODUCER_MODULE]: { producer_id: producerIds[row.key] },
          }))
      )
    ).config({ name: "link-imported-producers" })

    supersedeCertificationsStep(
      transform({ plan }, ({ plan }) => plan.recertify.flatMap((row) => (row.supersedes ? [row.supersedes.id] : [])))
    )
    const issued = issueImportedCertificationsStep(
      transform({ plan, productIds, input }, ({ plan, productIds, input }) => ({
        rows: [...plan.create, ...plan.recertify],
        productIds,
        source: input.source,
      }))
    )
    createRemoteLinkStep(
      transform({ issued }, ({ issued }) =>
        issued.map(([productId, certificationId]) => ({
          [Modules.PRODUCT]: { product_id: productId },
          [OCOP_MODULE]: { certification_id: certificationId },
        }))
      )
    ).config({ name: "link-imported-certifications" })

    const revoked = revokeCertificationsStep(
      transform({ plan, input }, ({ plan, input }) => ({
        ids: plan.revoke.map((r) => r.id),
        reason: `Thu hồi theo danh sách ${input.source}`,
      }))
    )

    const summary = transform({ plan, revoked, issued }, ({ plan, revoked, issued }) => ({
      created: plan.create.length,
      updated: plan.recertify.length + revoked.length,
      unchanged: plan.unchanged,
      rejected: plan.rejected.length,
      errors: plan.rejected,
      product_ids: issued.map(([productId]) => productId),
    }))
    emitEventStep(
      transform({ summary }, ({ summary }) => ({
        eventName: "ocop.catalog.imported",
        data: { product_ids: summary.product_ids },
      }))
    ).config({ name: "emit-catalog-imported" })
    emitEventStep(
      transform({ revoked }, ({ revoked }) => ({
        eventName: "ocop.certification.updated",
        data: revoked.map((id) => ({ id })),
      }))
    ).config({ name: "emit-certifications-revoked" })
    return new WorkflowResponse(summary)
  }
)
