import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Orders split per producer (issue 15): a producer's shipment becomes its order part, created `pending` when the
 * order is placed, with its subtotal, `delivered` and `canceled`; a canceled part's refund is recorded for the
 * operator. Existing rows (packed or shipped) keep their status; their subtotal is unknown (0).
 */
export class Migration20261128150301 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "producer_shipment" drop constraint if exists "producer_shipment_status_check";`)
    this.addSql(
      `alter table if exists "producer_shipment" add constraint "producer_shipment_status_check" check ("status" in ('pending', 'packed', 'shipped', 'delivered', 'canceled'));`
    )
    this.addSql(
      `alter table if exists "producer_shipment" add column if not exists "subtotal" integer not null default 0, add column if not exists "currency_code" text not null default 'vnd', add column if not exists "delivered_at" timestamptz null, add column if not exists "canceled_at" timestamptz null;`
    )
    this.addSql(
      `create table if not exists "producer_refund" ("id" text not null, "producer_id" text not null, "order_id" text not null, "shipment_id" text not null, "amount" integer not null, "currency_code" text not null default 'vnd', "provider_id" text null, "payment_id" text null, "status" text check ("status" in ('pending', 'refunded')) not null default 'pending', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "producer_refund_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_refund_producer_id" ON "producer_refund" ("producer_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_refund_order_id" ON "producer_refund" ("order_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_producer_refund_deleted_at" ON "producer_refund" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_producer_refund_shipment_id_unique" ON "producer_refund" ("shipment_id") WHERE deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "producer_refund" cascade;`)
    this.addSql(`delete from "producer_shipment" where "status" in ('pending', 'delivered', 'canceled');`)
    this.addSql(
      `alter table if exists "producer_shipment" drop column if exists "subtotal", drop column if exists "currency_code", drop column if exists "delivered_at", drop column if exists "canceled_at";`
    )
    this.addSql(`alter table if exists "producer_shipment" drop constraint if exists "producer_shipment_status_check";`)
    this.addSql(
      `alter table if exists "producer_shipment" add constraint "producer_shipment_status_check" check ("status" in ('packed', 'shipped'));`
    )
  }
}
