import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261128080030 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "rating_event" add column if not exists "recorded_by_type" text null, add column if not exists "recorded_by_id" text null, add column if not exists "recorded_by_email" text null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "rating_event" drop column if exists "recorded_by_type", drop column if exists "recorded_by_id", drop column if exists "recorded_by_email";`
    )
  }
}
