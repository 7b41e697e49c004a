import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * An index on the Product Module's `product.external_id`, which holds an imported product's import key: every import
 * plans by reading the products of its keys (`filters: { external_id: [...] }`, 500 keys a query), and without an
 * index each of those reads scanned the whole product table (40 scans for a 20,000-row list). The Product Module
 * defines no such index and has no option for one; it lives here, beside the import that needs it. Partial like
 * Medusa's own product indexes (a deleted product is never found by its key).
 */
export class Migration20261129041500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index if not exists "IDX_product_external_id_ocop" on "product" ("external_id") where "deleted_at" is null;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_product_external_id_ocop";`)
  }
}
