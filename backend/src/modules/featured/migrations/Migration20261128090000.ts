import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261128090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "featured_list" ("id" text not null, "handle" text not null, "title" text not null, "description" text null, "cover" jsonb null, "product_ids" text[] not null, "province_code" text null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "status" text check ("status" in ('draft', 'published')) not null default 'draft', "created_by" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "featured_list_pkey" primary key ("id"), constraint featured_list_dates_check check (ends_at > starts_at));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_featured_list_deleted_at" ON "featured_list" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_featured_list_handle_unique" ON "featured_list" ("handle") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_featured_list_province_code_status" ON "featured_list" ("province_code", "status") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "featured_list" cascade;`)
  }
}
