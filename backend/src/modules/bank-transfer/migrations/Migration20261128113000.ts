import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261128113000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "bank_transaction" ("id" text not null, "external_id" text not null, "source" text check ("source" in ('webhook', 'manual')) not null, "amount" numeric not null, "raw_amount" jsonb not null, "note" text not null, "reference" text null, "outcome" text check ("outcome" in ('matched', 'amount_mismatch', 'unknown_reference', 'not_incoming', 'already_paid', 'order_canceled')) not null, "payment_session_id" text null, "order_id" text null, "payload" jsonb null, "recorded_by" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "bank_transaction_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transaction_deleted_at" ON "bank_transaction" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_bank_transaction_external_id_unique" ON "bank_transaction" ("external_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transaction_outcome" ON "bank_transaction" ("outcome") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_bank_transaction_reference" ON "bank_transaction" ("reference") WHERE deleted_at IS NULL;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "bank_transaction" cascade;`)
  }
}
