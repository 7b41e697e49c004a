import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Lot templates: a producer's named presets for the new-lot form. */
export class Migration20261129010000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "lot_template" ("id" text not null, "producer_id" text not null, "name" text not null, "growing_area_code" text null, "commune_code" text null, "quantity" integer null, "steps" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_template_pkey" primary key ("id"), constraint "lot_template_quantity_check" check ("quantity" IS NULL OR "quantity" > 0));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_template_deleted_at" ON "lot_template" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lot_template_producer_id_name_unique" ON "lot_template" ("producer_id", "name") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "lot_template" cascade;`)
  }
}
