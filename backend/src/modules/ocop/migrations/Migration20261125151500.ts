import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * A text search configuration for Vietnamese product text, used by the PostgreSQL search provider
 * (`language: "simple"` → `medusa_search_simple`). The provider's own English configuration stems and drops
 * stop words as English ("tô" becomes the stop word "to"); Vietnamese needs neither, only accents folded.
 */
export class Migration20261125151500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE EXTENSION IF NOT EXISTS unaccent;`)
    this.addSql(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'medusa_search_simple') THEN
        CREATE TEXT SEARCH CONFIGURATION medusa_search_simple (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION medusa_search_simple ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
      END IF;
    END $$;`)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP TEXT SEARCH CONFIGURATION IF EXISTS medusa_search_simple;`)
  }
}
