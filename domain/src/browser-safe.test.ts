import { readFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { describe, expect, it } from "vitest"

/** Every source file the main entry loads, following relative imports from src/index.ts. */
function reachableFiles(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen
  seen.add(entry)
  const source = readFileSync(entry, "utf8")
  for (const [, spec] of source.matchAll(/from "(\.[^"]+)"/g)) {
    const base = resolve(dirname(entry), spec)
    const file = [`${base}.ts`, join(base, "index.ts")].find((f) => {
      try {
        return readFileSync(f) !== undefined
      } catch {
        return false
      }
    })
    if (file) reachableFiles(file, seen)
  }
  return seen
}

describe("the main entry", () => {
  it("loads in a browser: no Node built-in, file read or spreadsheet library behind it", () => {
    const files = [...reachableFiles(join(__dirname, "index.ts"))]
    expect(files.length).toBeGreaterThan(3)
    const offending = files.filter((f) => /from "(node:|fs"|path"|exceljs|csv-parse)|require\(|__dirname/.test(readFileSync(f, "utf8")))
    expect(offending).toEqual([])
  })
})
