import { randomFillSync } from "node:crypto"
// The module object itself (not an ES namespace copy of it), so that replacing its export reaches its other importers.
import ulid = require("ulid")

const BUFFERED = Symbol.for("ocop.buffered-id-randomness")

/**
 * Makes every Medusa id (`prod_…`, `cert_…`, link rows, workflow transactions: `generateEntityId` calls the `ulid`
 * package's `ulid()`) draw its randomness from a buffer of the operating system's CSPRNG, refilled 4 KB at a time.
 *
 * Why: ulid's default source asks Node's crypto for ONE byte per character, 16 calls per id, 36.6 µs an id here.
 * A first import of 20,000 listed products writes ~270,000 ids (products, options, certificates, producers, links):
 * `randomFillSync` was 10.1 s of the import's 61 s of CPU, the largest single function in its profile. Buffered:
 * 1.4 µs an id. Same bytes from the same CSPRNG, the same mapping from a byte to a character as ulid's own source
 * (`byte / 0xff`), so the ids keep their format, time order and unpredictability. (docs/benchmarks.md, session 14)
 *
 * ulid exposes `factory(prng)` for a source of one's own; Medusa imports its module-level `ulid` and reads it at each
 * call, so replacing that export on the one copy of `ulid` in node_modules reaches every caller. Idempotent.
 */
export function bufferIdRandomness(): void {
  // Its typings declare the exports read-only (ES module semantics); the CommonJS object is plainly writable.
  const module = ulid as unknown as { ulid: typeof ulid.ulid; [BUFFERED]?: true }
  if (module[BUFFERED]) return
  const pool = Buffer.alloc(4096)
  let next = pool.length
  const randomFraction = () => {
    if (next === pool.length) {
      randomFillSync(pool)
      next = 0
    }
    return pool[next++] / 0xff
  }
  module.ulid = ulid.factory(randomFraction)
  module[BUFFERED] = true
}
