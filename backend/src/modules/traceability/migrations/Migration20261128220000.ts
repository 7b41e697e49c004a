import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Units per lot on a shipped line (a line of 5 may ship 3 from one lot and 2 from another); older rows keep null. */
export class Migration20261128220000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "lot_shipment_line" add column if not exists "quantity" integer null;`)
    this.addSql(
      `alter table if exists "lot_shipment_line" add constraint "lot_shipment_line_quantity_check" check ("quantity" IS NULL OR "quantity" > 0);`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "lot_shipment_line" drop constraint if exists "lot_shipment_line_quantity_check";`)
    this.addSql(`alter table if exists "lot_shipment_line" drop column if exists "quantity";`)
  }
}
