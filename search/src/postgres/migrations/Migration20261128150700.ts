import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The text search configuration for Vietnamese product text (`language: "simple"` → `medusa_search_simple`, what
 * medusa-config.ts gives this provider). English stemming and stop words do not fit Vietnamese ("tô" would become
 * the stop word "to"): only accents are folded. It used to be created by the ocop (certificate) module's
 * Migration20261125151500, which is now empty: "if not exists" keeps databases that already have it as they are.
 */
export class Migration20261128150700 extends Migration {
  override async up(): Promise<void> {
    // Like Migration20261128080000: without `unaccent` (refused to the role) the configuration is left out and the
    // first index build fails loudly, naming it.
    this.addSql(`DO $$ BEGIN
      BEGIN
        CREATE EXTENSION IF NOT EXISTS unaccent;
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'ocop-postgres search: could not enable unaccent (%)', SQLERRM;
      END;
      IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent')
         AND NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'medusa_search_simple') THEN
        CREATE TEXT SEARCH CONFIGURATION medusa_search_simple (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION medusa_search_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
      END IF;
    END $$;`)
  }

  override async down(): Promise<void> {
    // Indexes built with it may still exist: left in place, like the English configuration.
  }
}
