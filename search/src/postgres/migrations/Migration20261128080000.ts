import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * What the ocop-postgres search provider needs before it can hold an index: `unaccent` and the default
 * `medusa_search_english` text configuration (other languages bring their own `medusa_search_<language>`; ours,
 * `simple`, comes from Migration20261128150700), and the index catalogue. Medusa finds a provider's migrations beside its
 * entry file. Everything is "if not exists": a database migrated by Medusa's own PostgreSQL provider already has
 * all of it (same catalogue, same configuration), and this provider keeps using it as it is.
 */
export class Migration20261128080000 extends Migration {
  override async up(): Promise<void> {
    // Managed PostgreSQL may refuse extensions to the application's role: the migration still applies, and a
    // configuration whose dictionary is missing fails loudly at the first index build instead.
    this.addSql(`DO $$ BEGIN
      BEGIN
        CREATE EXTENSION IF NOT EXISTS unaccent;
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'ocop-postgres search: could not enable unaccent (%)', SQLERRM;
      END;
      IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent')
         AND NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'medusa_search_english') THEN
        CREATE TEXT SEARCH CONFIGURATION medusa_search_english (COPY = english);
        ALTER TEXT SEARCH CONFIGURATION medusa_search_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
      END IF;
    END $$;`)
    this.addSql(`CREATE TABLE IF NOT EXISTS "search_postgres_index" (
      "name" text NOT NULL,
      "table_name" text NOT NULL,
      "schema_hash" text NOT NULL,
      "plan" jsonb NOT NULL,
      "document_count" integer NOT NULL DEFAULT 0,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "search_postgres_index_pkey" PRIMARY KEY ("name")
    );`)
  }

  override async down(): Promise<void> {
    // The catalogue may be shared with Medusa's provider, and its rows name document tables: left in place.
  }
}
