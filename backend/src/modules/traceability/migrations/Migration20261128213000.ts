import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Per-unit serials of a lot and the requests that issued them (issue 17). */
export class Migration20261128213000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "lot_serial_batch" ("id" text not null, "lot_id" text not null, "request_key" text not null, "count" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_serial_batch_pkey" primary key ("id"), constraint "lot_serial_batch_count_check" check ("count" > 0));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_serial_batch_deleted_at" ON "lot_serial_batch" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lot_serial_batch_lot_id_request_key_unique" ON "lot_serial_batch" ("lot_id", "request_key");`)
    this.addSql(
      `create table if not exists "lot_serial" ("id" text not null, "lot_id" text not null, "batch_id" text not null, "code" text not null, "first_checked_at" timestamptz null, "check_count" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "lot_serial_pkey" primary key ("id"));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_serial_deleted_at" ON "lot_serial" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_lot_serial_code_unique" ON "lot_serial" ("code");`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_lot_serial_lot_id_batch_id" ON "lot_serial" ("lot_id", "batch_id");`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "lot_serial" cascade;`)
    this.addSql(`drop table if exists "lot_serial_batch" cascade;`)
  }
}
