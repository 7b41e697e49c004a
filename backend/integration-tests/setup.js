// Medusa logs every migration step; tests only need errors.
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? "error"
// test-utils turns SSL on for any host but "localhost"; the local PostgreSQL speaks plain TCP.
process.env.DB_HOST = process.env.DB_HOST ?? "localhost"
process.env.DB_USERNAME = process.env.DB_USERNAME ?? "postgres"
process.env.DB_PASSWORD = process.env.DB_PASSWORD ?? ""
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")
MetadataStorage.clear()
