import { defineConfig } from "@playwright/test"
import base from "./playwright.config"

// `npm run bench -w @ocop/e2e`: the same real stack as the tests, measured instead of asserted.
export default defineConfig({
  ...base,
  testDir: "./bench",
  testMatch: /.*\.bench\.ts$/,
  timeout: 15 * 60_000,
  projects: [{ name: "bench" }],
})
