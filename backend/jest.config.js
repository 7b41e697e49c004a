const { loadEnv } = require("@medusajs/utils")
loadEnv("test", process.cwd())

module.exports = {
  transform: {
    "^.+\\.[jt]s$": ["@swc/jest", { jsc: { parser: { syntax: "typescript", decorators: true } } }],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/"],
  setupFiles: ["./integration-tests/setup.js"],
  reporters: ["default", "<rootDir>/integration-tests/security-reporter.js"],
  globalSetup: "<rootDir>/integration-tests/global-setup.js",
  globalTeardown: "<rootDir>/integration-tests/global-teardown.js",
}

if (process.env.TEST_TYPE === "integration:http") {
  module.exports.testMatch = ["**/integration-tests/http/**/*.spec.[jt]s"]
  // The 50-buyer last-unit race runs by itself (`npm run test:race -w @ocop/backend`), not in `npm test`: under that
  // race Medusa 2.21 can leave one cart completion in `waiting_to_compensate` (it created the order, then lost the
  // reservation), so its request never answers and the runner's wait for workflow executions never ends — a hang
  // of the whole suite (seen in a clean-clone run on 2026-11-28; docs/notifications.md).
  if (!process.env.OCOP_RACE_TESTS) module.exports.testPathIgnorePatterns = ["/node_modules/", "/last-unit-race\\.spec\\."]
} else if (process.env.TEST_TYPE === "integration:modules") {
  module.exports.testMatch = ["**/src/modules/*/__tests__/**/*.spec.[jt]s"]
} else if (process.env.TEST_TYPE === "unit") {
  module.exports.testMatch = ["**/src/**/__tests__/**/*.unit.spec.[jt]s"]
}
