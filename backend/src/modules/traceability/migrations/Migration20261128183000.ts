import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261128183000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "lot_shipment_line" ("id" text not null, "lot_id" text not null, "order_id" text not null, "line_item_id" text not null, "producer_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_shipment_line_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_shipment_line_deleted_at" ON "lot_shipment_line" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lot_shipment_line_lot_id_line_item_id_unique" ON "lot_shipment_line" ("lot_id", "line_item_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_shipment_line_order_id" ON "lot_shipment_line" ("order_id") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "lot_shipment_line" cascade;`)
  }
}
