import { existsSync } from "node:fs"
import { join, resolve } from "node:path"

/** Where the tests find the repository root, the sample lists (a copy of the project's shared samples) and the parser's own fixtures. */
export const REPO_ROOT = resolve(__dirname, "..", "..", "..")
export const SAMPLES_DIR = resolve(__dirname, "..", "..", "samples")
export const FIXTURES_DIR = resolve(__dirname, "..", "..", "fixtures")

/** The shared samples are the ground truth; a missing folder must fail loudly, never skip. */
export function requireSamplesDir(): string {
  if (!existsSync(join(SAMPLES_DIR, "README.md"))) {
    throw new Error(
      `The OCOP samples are missing: expected ${SAMPLES_DIR} (seed/samples). ` +
        "Restore them from git; these tests are the importer's acceptance check and are never skipped."
    )
  }
  return SAMPLES_DIR
}
