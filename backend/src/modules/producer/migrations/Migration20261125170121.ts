import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125170121 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "producer_shipment" drop constraint if exists "producer_shipment_order_id_producer_id_unique";`)
    this.addSql(`alter table if exists "producer_member" drop constraint if exists "producer_member_email_unique";`)
    this.addSql(`alter table if exists "producer_invite" drop constraint if exists "producer_invite_token_hash_unique";`)
    this.addSql(`alter table if exists "producer_claim" drop constraint if exists "producer_claim_member_id_producer_id_unique";`)
    this.addSql(
      `create table if not exists "producer_claim" ("id" text not null, "member_id" text not null, "producer_id" text not null, "message" text null, "status" text check ("status" in ('pending', 'approved', 'rejected')) not null default 'pending', "decided_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "producer_claim_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_claim_member_id" ON "producer_claim" ("member_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_claim_producer_id" ON "producer_claim" ("producer_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_claim_deleted_at" ON "producer_claim" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_producer_claim_member_id_producer_id_unique" ON "producer_claim" ("member_id", "producer_id") WHERE status = 'pending' AND deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "producer_invite" ("id" text not null, "producer_id" text not null, "email" text null, "role" text check ("role" in ('owner', 'member')) not null default 'owner', "token_hash" text not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "accepted_by_member_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "producer_invite_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_invite_producer_id" ON "producer_invite" ("producer_id") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_producer_invite_token_hash_unique" ON "producer_invite" ("token_hash") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_invite_deleted_at" ON "producer_invite" ("deleted_at") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "producer_member" ("id" text not null, "email" text not null, "name" text not null, "role" text check ("role" in ('owner', 'member')) not null default 'member', "producer_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "producer_member_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_member_producer_id" ON "producer_member" ("producer_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_member_deleted_at" ON "producer_member" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_producer_member_email_unique" ON "producer_member" ("email") WHERE deleted_at IS NULL;`)

    this.addSql(
      `create table if not exists "producer_shipment" ("id" text not null, "producer_id" text not null, "order_id" text not null, "line_item_ids" jsonb not null, "status" text check ("status" in ('packed', 'shipped')) not null, "carrier" text null, "tracking_number" text null, "shipped_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "producer_shipment_pkey" primary key ("id"), constraint producer_shipment_tracking_check check (status <> 'shipped' OR tracking_number IS NOT NULL));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_shipment_producer_id" ON "producer_shipment" ("producer_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_shipment_order_id" ON "producer_shipment" ("order_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_shipment_deleted_at" ON "producer_shipment" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_producer_shipment_order_id_producer_id_unique" ON "producer_shipment" ("order_id", "producer_id") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "producer_claim" cascade;`)

    this.addSql(`drop table if exists "producer_invite" cascade;`)

    this.addSql(`drop table if exists "producer_member" cascade;`)

    this.addSql(`drop table if exists "producer_shipment" cascade;`)
  }
}
