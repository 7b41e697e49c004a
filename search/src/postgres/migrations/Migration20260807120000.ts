// Medusa finds a provider's migrations beside its entry file: this provider stores its documents exactly as
// Medusa's PostgreSQL provider does, so it runs that provider's migration (extensions, index catalogue) under
// the same name, which a database migrated with the stock provider has already recorded.
export { Migration20260807120000 } from "@medusajs/search-postgres/dist/migrations/Migration20260807120000"
