// Medusa logs every migration step; tests only need errors.
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? "error"
// test-utils turns SSL on for any host but "localhost"; the local PostgreSQL speaks plain TCP.
process.env.DB_HOST = process.env.DB_HOST ?? "localhost"
process.env.DB_USERNAME = process.env.DB_USERNAME ?? "postgres"
process.env.DB_PASSWORD = process.env.DB_PASSWORD ?? ""
// A test database is thrown away: a commit need not wait for the WAL to reach the disk (4.8 ms a commit on these
// machines' disks against 0.1 ms without; pgbench, one connection). Crash safety of real data is not in question.
process.env.PGOPTIONS = process.env.PGOPTIONS ?? "-c synchronous_commit=off"
// The backend has no secret defaults (src/lib/config.ts): each test file's app gets its own random ones, so no
// test can pass by knowing a key written in the repository.
const { randomBytes } = require("node:crypto")
for (const name of ["JWT_SECRET", "COOKIE_SECRET", "OCOP_REVALIDATE_SECRET", "OCOP_FORWARDING_SECRET"]) {
  process.env[name] = randomBytes(32).toString("hex")
}
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")
MetadataStorage.clear()
