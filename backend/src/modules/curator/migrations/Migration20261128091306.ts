import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261128091306 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "certificate_reminder" drop constraint if exists "certificate_reminder_certification_id_threshold_days_unique";`
    )
    this.addSql(
      `create table if not exists "certificate_reminder" ("id" text not null, "certification_id" text not null, "threshold_days" integer not null, "province_code" text not null, "product_id" text null, "valid_until" timestamptz not null, "recipients" text[] not null, "notification_ids" text[] not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "certificate_reminder_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_certificate_reminder_province_code" ON "certificate_reminder" ("province_code") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certificate_reminder_deleted_at" ON "certificate_reminder" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_certificate_reminder_certification_id_threshold_days_unique" ON "certificate_reminder" ("certification_id", "threshold_days") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "listing_visibility_change" ("id" text not null, "product_id" text not null, "hidden" boolean not null, "reason" text not null, "previous_status" text null, "recorded_by_type" text not null, "recorded_by_id" text not null, "recorded_by_email" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "listing_visibility_change_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_listing_visibility_change_product_id" ON "listing_visibility_change" ("product_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_listing_visibility_change_deleted_at" ON "listing_visibility_change" ("deleted_at") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "certificate_reminder" cascade;`)

    this.addSql(`drop table if exists "listing_visibility_change" cascade;`)
  }
}
