const { createTemplateDatabase, dropTemplateDatabase } = require("./template-database")

module.exports = async function setUpHttpSuites() {
  if (process.env.TEST_TYPE !== "integration:http") return
  const { loadEnv } = require("@medusajs/utils")
  loadEnv("test", process.cwd())
  process.env.DB_HOST = process.env.DB_HOST ?? "localhost"
  try {
    await createTemplateDatabase(process.cwd())
  } catch (error) {
    await dropTemplateDatabase()
    throw error
  }
}
