import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125142822 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "producer" drop constraint if exists "producer_name_key_province_code_unique";`)
    this.addSql(`alter table if exists "producer" drop constraint if exists "producer_handle_unique";`)
    this.addSql(
      `create table if not exists "producer" ("id" text not null, "name" text not null, "name_key" text not null, "handle" text not null, "type" text check ("type" in ('cooperative', 'cooperative_group', 'enterprise', 'household_business', 'farm', 'association')) null, "province_code" text not null, "commune_code" text null, "address" text null, "phone" text null, "email" text null, "website" text null, "story" text null, "women_led" boolean not null default false, "ethnic_minority_led" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "producer_pkey" primary key ("id"), constraint producer_province_code_check check (province_code ~ '^[0-9]{2}\$'));`
    )
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_producer_handle_unique" ON "producer" ("handle") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_province_code" ON "producer" ("province_code") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_deleted_at" ON "producer" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_producer_name_key_province_code_unique" ON "producer" ("name_key", "province_code") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "producer" cascade;`)
  }
}
