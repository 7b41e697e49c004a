import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261128080029 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "curator_invite" drop constraint if exists "curator_invite_token_hash_unique";`)
    this.addSql(`alter table if exists "curator" drop constraint if exists "curator_email_unique";`)
    this.addSql(
      `create table if not exists "curator" ("id" text not null, "email" text not null, "name" text not null, "scope" text check ("scope" in ('province', 'national')) not null default 'province', "province_codes" text[] not null, "deactivated_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "curator_pkey" primary key ("id"), constraint curator_scope_provinces_check check ((scope = 'national' AND cardinality(province_codes) = 0) OR (scope = 'province' AND cardinality(province_codes) > 0)));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_curator_deleted_at" ON "curator" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_curator_email_unique" ON "curator" ("email") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "curator_invite" ("id" text not null, "email" text not null, "scope" text check ("scope" in ('province', 'national')) not null default 'province', "province_codes" text[] not null, "token_hash" text not null, "expires_at" timestamptz not null, "invited_by" text null, "accepted_at" timestamptz null, "accepted_by_curator_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "curator_invite_pkey" primary key ("id"), constraint curator_invite_scope_provinces_check check ((scope = 'national' AND cardinality(province_codes) = 0) OR (scope = 'province' AND cardinality(province_codes) > 0)));`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_curator_invite_token_hash_unique" ON "curator_invite" ("token_hash") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_curator_invite_deleted_at" ON "curator_invite" ("deleted_at") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "curator" cascade;`)

    this.addSql(`drop table if exists "curator_invite" cascade;`)
  }
}
