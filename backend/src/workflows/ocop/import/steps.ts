import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createProductsWorkflow, deleteProductsWorkflow } from "@medusajs/medusa/core-flows"
import type { CertificationRecord } from "@ocop/seed"
import { OCOP_MODULE } from "../../../modules/ocop"
import type OcopModuleService from "../../../modules/ocop/service"
import { PRODUCER_MODULE } from "../../../modules/producer"
import type ProducerModuleService from "../../../modules/producer/service"
import { producerHandle, producerNameKey } from "../../../modules/producer/keys"
import { certifiedStars, importHandle } from "./import-keys"
import { planImport, ratingKindFor, type ImportMode, type ImportPlan, type PlannedRow } from "./plan-import"

export const planImportStep = createStep(
  "plan-certification-import",
  async (input: { records: CertificationRecord[]; mode: ImportMode }, { container }) =>
    new StepResponse(await planImport(container, input.records, input.mode))
)

/** Producers of the new products, matched by folded name + province, created when missing. Key → producer id. */
export const upsertImportProducersStep = createStep(
  "upsert-import-producers",
  async (rows: PlannedRow[], { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    const wanted = new Map<string, CertificationRecord>()
    for (const { record } of rows) {
      if (record.producer_name) wanted.set(`${producerNameKey(record.producer_name)}|${record.province_code_2025}`, record)
    }
    if (!wanted.size) return new StepResponse({} as Record<string, string>, [] as string[])
    const existing = await producers.listProducers(
      { name_key: [...new Set([...wanted.values()].map((r) => producerNameKey(r.producer_name!)))] },
      { select: ["id", "name_key", "province_code"] }
    )
    const idByKey = new Map(existing.map((p) => [`${p.name_key}|${p.province_code}`, p.id]))
    const missing = [...wanted.entries()].filter(([key]) => !idByKey.has(key))
    const created = missing.length
      ? await producers.createProducers(
          missing.map(([, r]) => ({
            name: r.producer_name!,
            name_key: producerNameKey(r.producer_name!),
            handle: producerHandle(r.producer_name!, r.province_code_2025),
            type: r.producer_type,
            province_code: r.province_code_2025,
            commune_code: r.commune_code_2025,
            address: r.address_as_listed,
          }))
        )
      : []
    created.forEach((p) => idByKey.set(`${p.name_key}|${p.province_code}`, p.id))
    const byRow: Record<string, string> = {}
    for (const { key, record } of rows) {
      if (record.producer_name) byRow[key] = idByKey.get(`${producerNameKey(record.producer_name)}|${record.province_code_2025}`)!
    }
    return new StepResponse(byRow, created.map((p) => p.id))
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.deleteProducers(createdIds)
  }
)

/**
 * Listed products become draft products (no price yet): the producer or the operator publishes them with a
 * price. Key → product id.
 */
export const createImportedProductsStep = createStep(
  "create-imported-products",
  async ({ rows, sales_channel_id }: { rows: PlannedRow[]; sales_channel_id: string | null }, { container }) => {
    if (!rows.length) return new StepResponse({} as Record<string, string>, [] as string[])
    // Checkout offers only the delivery options of the items' shipping profile.
    const [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" }, { select: ["id"] })
    const { result } = await createProductsWorkflow(container).run({
      input: {
        products: rows.map(({ key, record }) => ({
          title: record.product_name,
          handle: importHandle(record, key),
          external_id: key,
          // Published at once as a showcase listing (issue 14): a certified product is visible to buyers before it
          // has a price; the search index's `buyable` and the shop's presenters tell showcase from purchasable.
          status: "published" as const,
          // Medusa requires an option; the producer adds real variants (sizes, packs) when publishing.
          options: [{ title: "Quy cách", values: ["Tiêu chuẩn"] }],
          ...(sales_channel_id ? { sales_channels: [{ id: sales_channel_id }] } : {}),
          ...(profile ? { shipping_profile_id: profile.id } : {}),
        })),
      },
    })
    const byKey: Record<string, string> = {}
    result.forEach((product) => (byKey[product.external_id!] = product.id))
    return new StepResponse(byKey, result.map((p) => p.id))
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) return
    await deleteProductsWorkflow(container).run({ input: { ids: createdIds } })
  }
)

export const supersedeCertificationsStep = createStep(
  "supersede-certifications",
  async (ids: string[], { container }) => {
    if (!ids.length) return new StepResponse([] as string[], [] as string[])
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await ocop.updateCertifications(ids.map((id) => ({ id, status: "superseded" as const })))
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await ocop.updateCertifications(ids.map((id) => ({ id, status: "active" as const })))
  }
)

/** One certificate per planned row, with the history entry its change calls for. Returns [product id, cert id]. */
export const issueImportedCertificationsStep = createStep(
  "issue-imported-certifications",
  async (input: { rows: PlannedRow[]; productIds: Record<string, string>; source: string }, { container }) => {
    if (!input.rows.length) return new StepResponse([] as [string, string][], [] as string[])
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const created = await ocop.issueCertifications(
      input.rows.map((row) => {
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
          // The list's own remark ("đánh giá lại", "nâng hạng") and, for "tiềm năng 5 sao" without a tier, why 4★.
          note: [r.note, r.stars === null ? "Hạng 4 sao suy ra từ “tiềm năng 5 sao”" : null].filter(Boolean).join("; ") || null,
        }
      })
    )
    const pairs = created.map((cert, i): [string, string] => [
      input.rows[i].product_id ?? input.productIds[input.rows[i].key],
      cert.id,
    ])
    return new StepResponse(pairs, created.map((c) => c.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await ocop.deleteCertifications(ids)
  }
)

export const revokeCertificationsStep = createStep(
  "revoke-certifications",
  async (input: { ids: string[]; reason: string }, { container }) => {
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    const revoked: { id: string; status: string }[] = []
    for (const id of input.ids) {
      const before = await ocop.retrieveCertification(id, { select: ["status"] })
      await ocop.changeCertificationStatus(id, "revoked", input.reason)
      revoked.push({ id, status: before.status })
    }
    return new StepResponse(revoked.map((r) => r.id), revoked)
  },
  async (revoked, { container }) => {
    if (!revoked?.length) return
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await ocop.updateCertifications(revoked.map((r) => ({ id: r.id, status: r.status as any, status_reason: null })))
    const events = await ocop.listRatingEvents(
      { certification_id: revoked.map((r) => r.id), kind: "revocation" },
      { select: ["id"] }
    )
    if (events.length) await ocop.deleteRatingEvents(events.map((e) => e.id))
  }
)

export type { ImportPlan }
