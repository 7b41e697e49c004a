import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { certificationRecordSchema, EXPECTED_KEYS, parseCertificationFile, toExpectedShape } from "./index"
import { requireSamplesDir } from "./test-paths"

const samplesDir = requireSamplesDir()
const sampleFiles = readdirSync(samplesDir).filter((name) => !name.endsWith(".ndjson") && !name.endsWith(".md"))

function readExpected(name: string): Record<string, unknown>[] {
  return readFileSync(join(samplesDir, `${name}.expected.ndjson`), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line))
}

describe("shared OCOP samples (DEV split)", () => {
  it("has the five sample files and 144 expected records", () => {
    expect(sampleFiles.sort()).toEqual([
      "annex-thanh-hoa-style.xlsx",
      "annex-tra-vinh-style.xlsx",
      "decision-text.txt",
      "grouped-by-tier.csv",
      "list-utf8-bom.csv",
    ])
    expect(sampleFiles.reduce((sum, name) => sum + readExpected(name).length, 0)).toBe(144)
  })

  describe.each(sampleFiles)("%s", (name) => {
    it("matches the expected records field by field, in order, with no rejected row", async () => {
      const expected = readExpected(name)
      const result = await parseCertificationFile(join(samplesDir, name))
      expect(result.errors).toEqual([])
      expect(result.records).toHaveLength(expected.length)
      result.records.forEach((record, i) => {
        const shaped = toExpectedShape(record)
        expect(Object.keys(shaped)).toEqual([...EXPECTED_KEYS])
        for (const key of EXPECTED_KEYS) {
          expect({ row: i + 1, key, value: shaped[key] }).toEqual({ row: i + 1, key, value: expected[i][key] })
        }
        expect(certificationRecordSchema.safeParse(record).success).toBe(true)
      })
    })
  })

  it("derives valid_until, producer type and current commune where the file allows", async () => {
    const annex = await parseCertificationFile(join(samplesDir, "annex-thanh-hoa-style.xlsx"))
    expect(annex.records.every((r) => r.valid_until === "2022-12-23")).toBe(true)
    expect(annex.document).toMatchObject({ province: "Thanh Hóa", decision_number: "5445/QĐ-UBND", decision_date: "2019-12-23" })

    const list = await parseCertificationFile(join(samplesDir, "list-utf8-bom.csv"))
    const first = list.records[0]
    expect(first).toMatchObject({ producer_type: "cooperative", commune_code_2025: "05632", valid_until: "2028-06-26" })
    const household = list.records.find((r) => r.producer_name === "Hộ kinh doanh Trần Công Hà")
    expect(household?.producer_type).toBe("household_business")

    const travinh = await parseCertificationFile(join(samplesDir, "annex-tra-vinh-style.xlsx"))
    expect(travinh.records[0].address_as_listed).toBe("xã Thạnh Phú, huyện Cầu Kè, tỉnh Trà Vinh")
    expect(travinh.records[0].commune_code_2025).toBe("29182")
  })
})
