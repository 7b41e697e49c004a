const { createTemplateDatabase, dropRunDatabases } = require("./template-database")

module.exports = async function setUpHttpSuites() {
  if (process.env.TEST_TYPE !== "integration:http") return
  const { loadEnv } = require("@medusajs/utils")
  loadEnv("test", process.cwd())
  process.env.DB_HOST = process.env.DB_HOST ?? "localhost"
  // As in setup.js: the template's migration commits need not wait for the disk (it is thrown away after the run).
  process.env.PGOPTIONS = process.env.PGOPTIONS ?? "-c synchronous_commit=off"
  try {
    await createTemplateDatabase(process.cwd())
  } catch (error) {
    await dropRunDatabases()
    throw error
  }
}
