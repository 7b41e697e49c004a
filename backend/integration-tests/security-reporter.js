// Jest reporter: the closing line of the security suite over the whole run (attempts, leaks, 5xx), summed from
// the lines each security spec appends through integration-tests/fixtures/attack-tally.ts.
const { existsSync, readFileSync, rmSync } = require("node:fs")
const { join } = require("node:path")

const TALLY_FILE = join(__dirname, "..", ".test-results", "security-tally.ndjson")

class SecurityReporter {
  onRunStart() {
    rmSync(TALLY_FILE, { force: true })
  }

  onRunComplete() {
    if (!existsSync(TALLY_FILE)) return
    const lines = readFileSync(TALLY_FILE, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line))
    const sum = (key) => lines.reduce((total, line) => total + line[key], 0)
    console.log(`security suite: ${lines.length} suites, attempts ${sum("attempts")}, leaks ${sum("leaks")}, 5xx ${sum("server_errors")}`)
  }
}

module.exports = SecurityReporter
