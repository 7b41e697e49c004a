import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Voided serials (labels lost, stolen, misprinted) and a lot's count of checks of unissued or voided serials. */
export class Migration20261129003000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "lot_serial" add column if not exists "voided_at" timestamptz null;`)
    this.addSql(`alter table if exists "lot_serial" add column if not exists "void_reason" text null;`)
    this.addSql(`alter table if exists "lot" add column if not exists "suspect_serial_checks" integer not null default 0;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "lot" drop column if exists "suspect_serial_checks";`)
    this.addSql(`alter table if exists "lot_serial" drop column if exists "void_reason";`)
    this.addSql(`alter table if exists "lot_serial" drop column if exists "voided_at";`)
  }
}
