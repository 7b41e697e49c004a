import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125142821 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table if not exists "certification" ("id" text not null, "stars" integer not null, "potential_five_star" boolean not null default false, "score" integer null, "product_group_code" text null, "decision_number" text null, "decision_date" timestamptz null, "certifying_level" text check ("certifying_level" in ('district', 'province', 'national')) not null default 'province', "valid_from" timestamptz null, "valid_until" timestamptz null, "status" text check ("status" in ('active', 'expired', 'revoked', 'superseded')) not null default 'active', "status_reason" text null, "province_as_listed" text null, "district_as_listed" text null, "commune_as_listed" text null, "province_code" text not null, "commune_code" text null, "source" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "certification_pkey" primary key ("id"), constraint certification_stars_check check (stars BETWEEN 3 AND 5), constraint certification_score_check check (score IS NULL OR (score >= 0 AND score <= 100)), constraint certification_validity_check check (valid_until IS NULL OR valid_from IS NULL OR valid_until > valid_from), constraint certification_province_code_check check (province_code ~ '^[0-9]{2}\$'));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certification_province_code" ON "certification" ("province_code") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certification_deleted_at" ON "certification" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_certification_status_stars" ON "certification" ("status", "stars") WHERE deleted_at IS NULL;`)
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_certification_status_province_code" ON "certification" ("status", "province_code") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "rating_event" ("id" text not null, "kind" text check ("kind" in ('first_rating', 're_evaluation', 'upgrade', 'downgrade', 'revocation', 'expiry', 'correction')) not null, "stars" integer null, "previous_stars" integer null, "decision_number" text null, "decision_date" timestamptz null, "note" text null, "certification_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "rating_event_pkey" primary key ("id"), constraint rating_event_stars_check check (stars IS NULL OR stars BETWEEN 3 AND 5));`
    )
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rating_event_certification_id" ON "rating_event" ("certification_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_rating_event_deleted_at" ON "rating_event" ("deleted_at") WHERE deleted_at IS NULL;`)

    this.addSql(
      `alter table if exists "rating_event" add constraint "rating_event_certification_id_foreign" foreign key ("certification_id") references "certification" ("id") on update cascade on delete cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "rating_event" drop constraint if exists "rating_event_certification_id_foreign";`)

    this.addSql(`drop table if exists "certification" cascade;`)

    this.addSql(`drop table if exists "rating_event" cascade;`)
  }
}
