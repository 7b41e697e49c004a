const { dropRunDatabases } = require("./template-database")

module.exports = async function tearDownHttpSuites() {
  await dropRunDatabases()
}
