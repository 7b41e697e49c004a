import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// Named 081500, not 080000: Medusa records migrations by class name in one table for every module, and the search
// provider (search/src/postgres) already has a Migration20261128080000, so this one was skipped as "done".

export class Migration20261128081500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "ocop_import_run" ("id" text not null, "source" text not null, "mode" text check ("mode" in ('certify', 'revoke')) not null, "read" integer not null, "created" integer not null, "updated" integer not null, "unchanged" integer not null, "rejected" integer not null, "errors" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "ocop_import_run_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_import_run_deleted_at" ON "ocop_import_run" ("deleted_at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ocop_import_run" cascade;`)
  }
}
