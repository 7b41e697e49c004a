import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Shipping per producer (issue 15 point 3): a producer's own flat delivery fee and free-shipping threshold (null =
 * the operator's defaults), and the fee each order part was charged when the order was placed (0 for older parts).
 */
export class Migration20261128160512 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "producer" add column if not exists "shipping_fee" integer null, add column if not exists "free_shipping_from" integer null;`
    )
    this.addSql(`alter table if exists "producer_shipment" add column if not exists "shipping_fee" integer not null default 0;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "producer" drop column if exists "shipping_fee", drop column if exists "free_shipping_from";`)
    this.addSql(`alter table if exists "producer_shipment" drop column if exists "shipping_fee";`)
  }
}
