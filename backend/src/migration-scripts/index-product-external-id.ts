import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * An index on the Product Module's `product.external_id`, which holds an imported product's import key: every import
 * plans by reading the products of its keys (`filters: { external_id: [...] }`, 500 keys a query), and without an
 * index each of those reads scanned the whole product table (40 scans for a 20,000-row list). The Product Module
 * defines no such index and has no option for one. A migration script (`medusa db:migrate` runs it once, after every
 * module's migrations) rather than a migration of our own module: the product table is not our module's, and a
 * module's migrations also run alone in its tests, where there is no product table. Partial like Medusa's own
 * product indexes: a deleted product is never found by its key.
 */
export default async function indexProductExternalId({ container }: { container: MedusaContainer }) {
  await container
    .resolve(ContainerRegistrationKeys.PG_CONNECTION)
    .raw(`create index if not exists "IDX_product_external_id_ocop" on "product" ("external_id") where "deleted_at" is null`)
}
