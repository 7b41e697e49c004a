import { describe, expect, it } from "vitest"
import { certification, importRun, importSummary, searchHit } from "./index"

const cert = {
  id: "ocert_1",
  stars: 4,
  potential_five_star: false,
  score: null,
  product_group: null,
  decision_number: "1234/QĐ-UBND",
  decision_date: "2025-03-01",
  certifying_level: "province",
  valid_from: "2025-03-01",
  valid_until: "2028-03-01",
  status: "active",
  status_reason: null,
  origin: {
    province_as_listed: "Hà Giang",
    district_as_listed: null,
    commune_as_listed: null,
    province: { code: "08", name: "Tuyên Quang" },
    commune: null,
    formerly: "Hà Giang",
  },
}

describe("the badge's one signal", () => {
  it("is the effective status: a client reading an answer gets it and nothing to recompute it from", () => {
    const parsed = certification.parse({ ...cert, is_valid: true })
    expect(parsed.status).toBe("active")
    // A second signal that a client could weigh against the status does not survive parsing.
    expect(parsed).not.toHaveProperty("is_valid")
  })

  it("refuses a status outside @ocop/domain's effective statuses, so no page draws an unknown state as valid", () => {
    expect(certification.safeParse({ ...cert, status: "valid" }).success).toBe(false)
    expect(searchHit.shape.certification_status.safeParse("valid").success).toBe(false)
    expect(certification.safeParse({ ...cert, status: "unknown_validity" }).success).toBe(true)
  })

  it("refuses a certificate without a status", () => {
    const { status: _dropped, ...rest } = cert
    expect(certification.safeParse(rest).success).toBe(false)
  })
})

describe("the import summary", () => {
  const counts = { read: 3, created: 1, updated: 1, unchanged: 0, rejected: 1 }

  it("has the same counts in the admin answer and a curator's run", () => {
    const summary = importSummary.parse({
      ...counts,
      id: "oimp_01",
      errors: [{ source_row: 4, column: "Số sao", value: "6", code: "stars_out_of_range", message: "Số sao phải từ 3 đến 5" }],
      errors_total: 1,
      errors_truncated: false,
      report_url: "/admin/ocop/imports/oimp_01/report",
    })
    const run = importRun.parse({
      ...counts,
      id: "oimp_01",
      file_name: "vinh-long.xlsx",
      status: "done",
      curator: { id: null, email: null },
      created_at: "2026-11-28T00:00:00.000Z",
      total: 2,
      processed: 2,
      progress: 100,
      errors_total: 1,
      failure: null,
    })
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) expect(run[key]).toBe(summary[key])
  })

  it("refuses a summary without a count instead of showing a zero", () => {
    const { unchanged: _dropped, ...rest } = counts
    expect(
      importSummary.safeParse({ ...rest, id: "oimp_01", errors: [], errors_total: 0, errors_truncated: false, report_url: "/admin/x" }).success
    ).toBe(false)
  })
})
