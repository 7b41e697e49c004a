import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { CertificationRecord } from "@ocop/seed"
import { PRODUCER_MODULE } from "../../../../modules/producer"
import type ProducerModuleService from "../../../../modules/producer/service"
import { producerHandle, producerNameKey } from "../../../../modules/producer/keys"
import type { PlannedRow } from "../plan-import"
import { writeInChunks } from "../write-in-chunks"

/**
 * Producers of the new products, matched by folded name + province, created when missing (with the list's
 * women-led / ethnic-minority-led columns when it has them). Key → producer id.
 */
export const upsertImportProducersStep = createStep(
  "upsert-import-producers",
  async ({ rows, chunk_size }: { rows: PlannedRow[]; chunk_size: number }, { container }) => {
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    const wanted = new Map<string, CertificationRecord>()
    for (const { record } of rows) {
      if (record.producer_name) wanted.set(`${producerNameKey(record.producer_name)}|${record.province_code_2025}`, record)
    }
    if (!wanted.size) return new StepResponse({} as Record<string, string>, [] as string[])
    const nameKeys = [...new Set([...wanted.values()].map((r) => producerNameKey(r.producer_name!)))]
    const idByKey = new Map<string, string>()
    for (let start = 0; start < nameKeys.length; start += chunk_size) {
      const existing = await producers.listProducers(
        { name_key: nameKeys.slice(start, start + chunk_size) },
        { select: ["id", "name_key", "province_code"] }
      )
      existing.forEach((p) => idByKey.set(`${p.name_key}|${p.province_code}`, p.id))
    }
    const missing = [...wanted.entries()].filter(([key]) => !idByKey.has(key))
    type Created = { id: string; name_key: string; province_code: string }
    const created = await writeInChunks<[string, CertificationRecord], Created>(
      missing,
      chunk_size,
      async (chunk) => {
        const made = await producers.createProducers(
          chunk.map(([, r]) => ({
            name: r.producer_name!,
            name_key: producerNameKey(r.producer_name!),
            handle: producerHandle(r.producer_name!, r.province_code_2025),
            type: r.producer_type,
            province_code: r.province_code_2025,
            commune_code: r.commune_code_2025,
            address: r.address_as_listed,
            // Stated only by a list with the column; otherwise unknown (null), never "no". An existing producer keeps
            // its facts: what it says in the portal is not overwritten by a list.
            women_led: r.women_led ?? null,
            ethnic_minority_led: r.ethnic_minority_led ?? null,
          }))
        )
        return made.map(({ id, name_key, province_code }) => ({ id, name_key, province_code }))
      },
      (done) => producers.deleteProducers(done.map((p) => p.id))
    )
    created.forEach((p) => idByKey.set(`${p.name_key}|${p.province_code}`, p.id))
    const byRow: Record<string, string> = {}
    for (const { key, record } of rows) {
      if (record.producer_name) byRow[key] = idByKey.get(`${producerNameKey(record.producer_name)}|${record.province_code_2025}`)!
    }
    return new StepResponse(
      byRow,
      created.map((p) => p.id)
    )
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) return
    const producers: ProducerModuleService = container.resolve(PRODUCER_MODULE)
    await producers.deleteProducers(createdIds)
  }
)
