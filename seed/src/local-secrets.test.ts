import { mkdtempSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { ensureLocalSecrets, readLocalSecrets } from "./local-secrets"

const dir = mkdtempSync(join(tmpdir(), "ocop-local-secrets-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("local secrets (npm start on the embedded database)", () => {
  it("are generated once, readable by this user only, and the same on every later start", () => {
    const file = join(dir, ".data", "local-secrets.json")
    expect(readLocalSecrets(file)).toBeUndefined()
    const first = ensureLocalSecrets(file)
    expect(first.created).toBe(true)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(new Set([first.secrets.JWT_SECRET, first.secrets.COOKIE_SECRET, first.secrets.OCOP_REVALIDATE_SECRET]).size).toBe(3)
    expect(first.secrets.OCOP_ADMIN_PASSWORD).toMatch(/^[\w-]{24}$/)
    expect(ensureLocalSecrets(file)).toEqual({ secrets: first.secrets, created: false })
    // Another checkout gets other secrets.
    expect(ensureLocalSecrets(join(dir, "other", "local-secrets.json")).secrets.JWT_SECRET).not.toBe(first.secrets.JWT_SECRET)
  })
})
