import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { listingIdentity, parseCertificationBuffer, type CertificationRecord } from "@ocop/seed"
import demoProducts from "../../demo/demo-products.json"
import { recordFingerprint, restatesCertificate } from "../../../workflows/ocop/import/import-keys"
import { toCertificationRecord } from "../load-demo-catalog"

const SAMPLES_DIR = join(__dirname, "..", "..", "..", "..", "..", "seed", "samples")

async function readSampleLists(): Promise<CertificationRecord[]> {
  const files = readdirSync(SAMPLES_DIR).filter((f) => !f.endsWith(".expected.ndjson") && !f.endsWith(".md"))
  const parsed = await Promise.all(files.map((f) => parseCertificationBuffer(readFileSync(join(SAMPLES_DIR, f)), f)))
  return parsed.flatMap((p) => p.records)
}

describe("the demo rows as import records", () => {
  let listed: CertificationRecord[]
  beforeAll(async () => {
    listed = await readSampleLists()
  })

  it("are the list reader's records of the same rows, the demo's product group aside", () => {
    expect(demoProducts).toHaveLength(32)
    for (const [index, row] of demoProducts.entries()) {
      const demo = toCertificationRecord(row, index)
      const same = listed.filter((r) => listingIdentity(r) === listingIdentity(demo))
      expect(same.map((r) => r.product_name)).toEqual([row.product_name])
      const { product_group_code, source_row: _row, ...stated } = demo
      expect(same[0]).toMatchObject(stated)
      expect(product_group_code).toBeTruthy()
      expect(same[0].product_group_code).toBeNull()
    }
  })

  it("a list without a group column restates the demo's certificate; another rating or group does not", () => {
    for (const [index, row] of demoProducts.entries()) {
      const demo = toCertificationRecord(row, index)
      const stored = { fingerprint: recordFingerprint(demo), product_group_code: demo.product_group_code }
      const fromList = listed.find((r) => listingIdentity(r) === listingIdentity(demo))!
      expect(restatesCertificate(fromList, recordFingerprint(fromList), stored)).toBe(true)
      const otherGroup = { ...fromList, product_group_code: demo.product_group_code === "VI.1" ? "I.1" : "VI.1" }
      expect(restatesCertificate(otherGroup, recordFingerprint(otherGroup), stored)).toBe(false)
      const rerated = { ...fromList, decision_number: "1/QĐ-UBND", decision_date: "2026-01-05", valid_until: "2029-01-05" }
      expect(restatesCertificate(rerated, recordFingerprint(rerated), stored)).toBe(false)
    }
  })
})
