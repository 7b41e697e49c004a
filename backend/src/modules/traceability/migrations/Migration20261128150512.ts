import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261128150512 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "lot" ("id" text not null, "product_id" text not null, "code" text not null, "public_code" text not null, "made_on" timestamptz not null, "best_before" timestamptz null, "quantity" integer not null, "growing_area_code" text null, "commune_code" text null, "status" text check ("status" in ('active', 'recalled')) not null default 'active', "recall_reason" text null, "recalled_at" timestamptz null, "recalled_by" jsonb null, "scan_count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_pkey" primary key ("id"), constraint lot_dates_check check (best_before IS NULL OR best_before >= made_on), constraint lot_quantity_check check (quantity > 0));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_deleted_at" ON "lot" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lot_product_id_code_unique" ON "lot" ("product_id", "code") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lot_public_code_unique" ON "lot" ("public_code") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "lot_step" ("id" text not null, "happened_on" timestamptz not null, "kind" text check ("kind" in ('harvest', 'process', 'pack', 'other')) not null, "note" text not null, "photo" jsonb null, "lot_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_step_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_step_lot_id" ON "lot_step" ("lot_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_step_deleted_at" ON "lot_step" ("deleted_at") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "lot_document" ("id" text not null, "kind" text check ("kind" in ('food_safety', 'self_declaration', 'lab_result', 'other')) not null, "title" text not null, "file_id" text not null, "url" text not null, "mime_type" text not null, "size_bytes" integer not null, "pages" integer null, "is_public" boolean not null default false, "lot_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_document_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_document_lot_id" ON "lot_document" ("lot_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_document_deleted_at" ON "lot_document" ("deleted_at") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "lot_scan_day" ("id" text not null, "lot_id" text not null, "day" text not null, "province_code" text not null default '', "count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_scan_day_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_scan_day_deleted_at" ON "lot_scan_day" ("deleted_at") WHERE deleted_at IS NULL;`)
    // Not partial: the scan counter's ON CONFLICT names exactly these columns.
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lot_scan_day_lot_id_day_province_code_unique" ON "lot_scan_day" ("lot_id", "day", "province_code");`
    )

    this.addSql(
      `alter table if exists "lot_step" add constraint "lot_step_lot_id_foreign" foreign key ("lot_id") references "lot" ("id") on update cascade on delete cascade;`
    )
    this.addSql(
      `alter table if exists "lot_document" add constraint "lot_document_lot_id_foreign" foreign key ("lot_id") references "lot" ("id") on update cascade on delete cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "lot_step" cascade;`)
    this.addSql(`drop table if exists "lot_document" cascade;`)
    this.addSql(`drop table if exists "lot_scan_day" cascade;`)
    this.addSql(`drop table if exists "lot" cascade;`)
  }
}
