import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125144926 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "certification" add column if not exists "import_key" text null, add column if not exists "fingerprint" text null;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certification_import_key" ON "certification" ("import_key") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_certification_import_key";`)
    this.addSql(`alter table if exists "certification" drop column if exists "import_key", drop column if exists "fingerprint";`)
  }
}
