import { Migration } from "@medusajs/framework/mikro-orm/migrations"

// Who ran an import and how far it has got: curator imports are recorded first and filled in chunk by chunk.
// Existing rows are finished admin imports, hence status "done" and no curator.

export class Migration20261128112500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "ocop_import_run" add column if not exists "status" text check ("status" in ('running', 'done', 'failed')) not null default 'done', add column if not exists "total" integer not null default 0, add column if not exists "processed" integer not null default 0, add column if not exists "failure" text null, add column if not exists "curator_id" text null, add column if not exists "curator_email" text null, add column if not exists "province_codes" text[] null;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_ocop_import_run_curator_id" ON "ocop_import_run" ("curator_id") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_ocop_import_run_curator_id";`)
    this.addSql(
      `alter table if exists "ocop_import_run" drop column if exists "status", drop column if exists "total", drop column if exists "processed", drop column if exists "failure", drop column if exists "curator_id", drop column if exists "curator_email", drop column if exists "province_codes";`
    )
  }
}
