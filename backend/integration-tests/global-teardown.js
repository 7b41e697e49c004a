const { dropTemplateDatabase } = require("./template-database")

module.exports = async function tearDownHttpSuites() {
  await dropTemplateDatabase()
}
