import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Kept, empty, because migrations are recorded by class name: the Vietnamese text search configuration it used to
 * create belongs to the search unit and is created by the PostgreSQL provider's own migration
 * (search/src/postgres/migrations/Migration20261128150700.ts, "if not exists").
 */
export class Migration20261125151500 extends Migration {
  override async up(): Promise<void> {}

  override async down(): Promise<void> {}
}
