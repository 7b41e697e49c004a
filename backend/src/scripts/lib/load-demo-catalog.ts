import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { computeValidUntil, inferProducerType } from "@ocop/domain"
import { getProvince, resolveCommune } from "@ocop/domain/places"
import type { CertificationRecord, ListingFields } from "@ocop/seed"
import demoProducts from "../demo/demo-products.json"
import { runCertificationImport } from "../../lib/run-certification-import"
import { completeDemoListingWorkflow } from "../../workflows/demo/complete-demo-listing"
import { importHandle, productImportKey } from "../../workflows/ocop/import/import-keys"
import { renderPlaceholderImage } from "./render-placeholder-image"
import type { StoreDefaults } from "./ensure-store-defaults"

export type DemoProduct = (typeof demoProducts)[number]

/** The import run's source name: the demo's certificates and its run in the import history say where they came from. */
export const DEMO_SOURCE = "demo-products.json"

/** The handle the import gives the listing (the demo is imported like any list). */
export function demoHandle(row: Pick<DemoProduct, "product_name" | "province_code_2025"> & Partial<ListingFields>): string {
  const listing = { producer_name: null, district_as_listed: null, commune_as_listed: null, ...row }
  return importHandle(listing, productImportKey(listing))
}

/**
 * A demo row as the list reader (@ocop/seed) emits the same row of the sample list it was taken from, so it has the
 * same import key and certificate digest; only the QĐ 148 group is the demo's own (a list with a group column states
 * it the same way).
 */
export function toCertificationRecord(row: DemoProduct, index: number): CertificationRecord {
  const commune = row.commune_as_listed ? resolveCommune(row.province_code_2025, row.commune_as_listed, row.district_as_listed) : undefined
  return {
    product_name: row.product_name,
    producer_name: row.producer_name,
    stars: row.stars as CertificationRecord["stars"],
    potential_five_star: row.potential_five_star,
    score: null,
    province_as_listed: row.province_as_listed,
    district_as_listed: row.district_as_listed,
    commune_as_listed: row.commune_as_listed,
    province_code_2025: row.province_code_2025,
    province_name_2025: getProvince(row.province_code_2025)!.name,
    decision_number: row.decision_number,
    decision_date: row.decision_date,
    source_row: index + 1,
    producer_type: inferProducerType(row.producer_name),
    commune_code_2025: commune?.code ?? null,
    product_group_code: row.product_group_code,
    valid_until: row.decision_date ? computeValidUntil(row.decision_date) : null,
    address_as_listed: row.address_as_listed,
    note: row.note,
  }
}

function describe(row: DemoProduct): string {
  const place = [row.commune_as_listed, row.district_as_listed, row.province_as_listed].filter(Boolean).join(", ")
  return `${row.product_name} — sản phẩm OCOP ${row.stars} sao của ${row.producer_name} (${place}).`
}

type DemoListing = {
  id: string
  external_id: string
  variants?: { id: string }[] | null
  certifications?: { id: string }[] | null
  producer?: { id: string; story: string | null } | null
}

/**
 * Loads the demo catalogue: 32 real certified products of the sample lists (../demo/demo-products.json), imported
 * through the one import path (runCertificationImport: same import keys, producers, certificates and showcase
 * products as any list), then completed by import key with what the shop sells them by: a pack size with an
 * illustrative VND price, a placeholder photo, a description and the producer's story (completeDemoListingWorkflow).
 *
 * Safe on every start: only the demo listings lacking their product, certificate or producer are imported (so an
 * operator's later re-rating or revocation is never imported over), and only listings without a pack size are
 * completed. Importing the sample lists later finds the demo listings by the same keys and adds each of the others once.
 */
export async function loadDemoCatalog(container: MedusaContainer, { stockLocationId }: Pick<StoreDefaults, "stockLocationId">) {
  const records = demoProducts.map(toCertificationRecord)
  const keys = records.map(productImportKey)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const readListings = async () => {
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "external_id", "variants.id", "certifications.id", "producer.id", "producer.story"],
      filters: { external_id: keys },
    })
    return new Map((data as DemoListing[]).map((p) => [p.external_id, p]))
  }
  let listings = await readListings()
  const imported = (key: string) => Boolean(listings.get(key)?.certifications?.length && listings.get(key)?.producer?.id)
  const missing = records.filter((_, i) => !imported(keys[i]))
  if (missing.length) {
    await runCertificationImport(container, missing, { source: DEMO_SOURCE })
    listings = await readListings()
  }

  let completed = 0
  const storied = new Set<string>()
  for (const [index, row] of demoProducts.entries()) {
    const listing = listings.get(keys[index])
    if (!listing || listing.variants?.length) continue
    const producer = listing.producer
    const needsStory = producer && !producer.story && !storied.has(producer.id)
    if (producer) storied.add(producer.id)
    const image = await renderPlaceholderImage(row.product_group_code, row.stars, index)
    await completeDemoListingWorkflow(container).run({
      input: {
        product_id: listing.id,
        location_id: stockLocationId,
        description: describe(row),
        photo: { filename: `${demoHandle(row)}.webp`, content: image.toString("base64") },
        variant: { title: row.variant_title, price_vnd: row.price_vnd },
        producer_story: needsStory
          ? { producer_id: producer.id, story: `**${row.producer_name}** làm ra ${row.product_name.toLowerCase()} tại ${row.province_as_listed}.` }
          : null,
      },
    })
    completed++
  }
  return { created: completed }
}
