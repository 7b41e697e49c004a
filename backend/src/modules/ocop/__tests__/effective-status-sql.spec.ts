import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { effectiveCertificationStatus } from "@ocop/domain"
import { OCOP_MODULE } from ".."
import OcopModuleService from "../service"
import { Certification } from "../models/certification"
import { RatingEvent } from "../models/rating-event"
import { fromDateOnly } from "../dates"

jest.setTimeout(60_000)

const TODAY = "2026-06-15"

// Edge dates around TODAY and every stored status; `expected` is written by hand, not computed.
const CASES = [
  { label: "active, ended yesterday", status: "active", valid_until: "2026-06-14", expected: "expired" },
  { label: "active, ends today", status: "active", valid_until: "2026-06-15", expected: "active" },
  { label: "active, ends tomorrow", status: "active", valid_until: "2026-06-16", expected: "active" },
  { label: "active, ended on new year's eve", status: "active", valid_until: "2025-12-31", expected: "expired" },
  { label: "active, no valid-until", status: "active", valid_until: null, expected: "unknown_validity" },
  { label: "revoked, ended yesterday", status: "revoked", valid_until: "2026-06-14", expected: "revoked" },
  { label: "revoked, no valid-until", status: "revoked", valid_until: null, expected: "revoked" },
  { label: "expired, ends next year", status: "expired", valid_until: "2027-06-15", expected: "expired" },
  { label: "superseded, ended yesterday", status: "superseded", valid_until: "2026-06-14", expected: "superseded" },
] as const

moduleIntegrationTestRunner<OcopModuleService>({
  moduleName: OCOP_MODULE,
  moduleModels: [Certification, RatingEvent],
  resolve: "./src/modules/ocop",
  testSuite: ({ service }) => {
    async function createCases() {
      return Promise.all(
        CASES.map((c, i) =>
          service.createCertifications({
            stars: 3 + (i % 3),
            province_code: i % 2 ? "19" : "01",
            status: c.status,
            valid_until: fromDateOnly(c.valid_until),
          } as any)
        )
      )
    }

    it("computes the effective status in SQL exactly as @ocop/domain does, on edge dates", async () => {
      const created = await createCases()
      const rows = await service.listEffectiveStatuses(
        created.map((c) => c.id),
        TODAY
      )
      const sqlById = new Map(rows.map((r) => [r.id, r.effective_status]))
      const compared = created.map((cert, i) => ({
        label: CASES[i].label,
        sql: sqlById.get(cert.id),
        domain: effectiveCertificationStatus(cert, TODAY),
        expected: CASES[i].expected,
      }))
      expect(compared).toHaveLength(CASES.length)
      for (const row of compared) {
        expect({ label: row.label, status: row.sql }).toEqual({ label: row.label, status: row.expected })
        expect({ label: row.label, status: row.domain }).toEqual({ label: row.label, status: row.expected })
      }
    })

    it("counts products and star-carrying certificates per province in one statement", async () => {
      const created = await createCases()
      // Two certificates of one product in Hà Nội (01) count one product; the rest one product each.
      const pairs = created.map((c, i) => ({ certification_id: c.id, product_id: i === 2 ? "prod_0" : `prod_${i}` }))
      const counts = await service.countCertificationsByProvince(pairs, TODAY)
      const byCode = Object.fromEntries(counts.map((c) => [c.province_code, c]))
      // 01 holds cases 0, 2, 4, 6, 8 (products prod_0, prod_0, prod_4, prod_6, prod_8): certified are 2 (active,
      // 5★) and 4 (unknown validity, 4★). 19 holds 1, 3, 5, 7: only case 1 (active, 4★) is certified.
      expect(byCode["01"]).toEqual({ province_code: "01", product_count: 4, certified_by_stars: { 3: 0, 4: 1, 5: 1 } })
      expect(byCode["19"]).toEqual({ province_code: "19", product_count: 4, certified_by_stars: { 3: 0, 4: 1, 5: 0 } })
      expect(Object.keys(byCode).sort()).toEqual(["01", "19"])
    })

    it("lists active certificates ending within the window, soonest first, with days left", async () => {
      const created = await createCases()
      const soon = await service.createCertifications({ stars: 4, province_code: "19", valid_until: fromDateOnly("2026-07-15") } as any)
      const later = await service.createCertifications({ stars: 4, province_code: "19", valid_until: fromDateOnly("2026-09-14") } as any)
      const reminders = await service.listRenewalReminders([...created.map((c) => c.id), soon.id, later.id], TODAY, 90)
      // Ended yesterday, not active, no date, or 91 days away: not listed.
      expect(reminders.map((r) => [r.valid_until, r.days_left])).toEqual([
        ["2026-06-15", 0],
        ["2026-06-16", 1],
        ["2026-07-15", 30],
      ])
    })
  },
})
