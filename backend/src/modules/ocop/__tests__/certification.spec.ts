import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { OCOP_MODULE } from ".."
import OcopModuleService from "../service"
import { Certification } from "../models/certification"
import { RatingEvent } from "../models/rating-event"
import { toDateOnly } from "../dates"

jest.setTimeout(60_000)

const base = { province_code: "19", decision_number: "2361/QĐ-BNNMT", decision_date: "2025-06-26" }

moduleIntegrationTestRunner<OcopModuleService>({
  moduleName: OCOP_MODULE,
  moduleModels: [Certification, RatingEvent],
  resolve: "./src/modules/ocop",
  testSuite: ({ service }) => {
    describe("stars are guarded by the database", () => {
      it.each([2, 6])("refuses %i stars with a message naming the field and the constraint", async (stars) => {
        await expect(service.issueCertifications([{ ...base, stars }])).rejects.toThrow(/stars: .*3, 4 or 5.*certification_stars_check/)
        expect(await service.listCertifications()).toHaveLength(0)
      })

      it("refuses out-of-range stars even when written past the service's own helper", async () => {
        await expect(service.createCertifications({ ...base, stars: 6 } as any)).rejects.toThrow(/certification_stars_check/)
      })

      it("accepts 3, 4 and 5", async () => {
        const created = await service.issueCertifications([3, 4, 5].map((stars) => ({ ...base, stars })))
        expect(created.map((c) => c.stars)).toEqual([3, 4, 5])
      })
    })

    describe("validity", () => {
      it("defaults valid-until to the decision date + 36 months and records the first rating", async () => {
        const [cert] = await service.issueCertifications([{ ...base, stars: 4, decision_date: "2023-03-29" }])
        expect(toDateOnly(cert.valid_from)).toBe("2023-03-29")
        expect(toDateOnly(cert.valid_until)).toBe("2026-03-29")
        expect(cert.certifying_level).toBe("province")
        const events = await service.listRatingEvents({ certification_id: cert.id })
        expect(events).toEqual([expect.objectContaining({ kind: "first_rating", stars: 4 })])
      })

      it("keeps an explicit valid-until and gives 5★ to the national level by default", async () => {
        const [cert] = await service.issueCertifications([{ ...base, stars: 5, valid_until: "2027-01-01" }])
        expect(toDateOnly(cert.valid_until)).toBe("2027-01-01")
        expect(cert.certifying_level).toBe("national")
      })

      it("refuses an unknown province and a group code outside QĐ 148", async () => {
        await expect(service.issueCertifications([{ ...base, stars: 4, province_code: "99" }])).rejects.toThrow(/province_code/)
        await expect(service.issueCertifications([{ ...base, stars: 4, product_group_code: "IX.9" }])).rejects.toThrow(/product_group_code/)
      })
    })

    describe("status transitions", () => {
      it("revokes an active certificate and logs the revocation", async () => {
        const [cert] = await service.issueCertifications([{ ...base, stars: 4 }])
        const revoked = await service.changeCertificationStatus(cert.id, "revoked", "Vi phạm an toàn thực phẩm")
        expect(revoked.status).toBe("revoked")
        const events = await service.listRatingEvents({ certification_id: cert.id }, { order: { created_at: "ASC" } })
        expect(events.map((e) => e.kind)).toEqual(["first_rating", "revocation"])
      })

      it("lets an expired certificate be revoked but never brings an ended one back", async () => {
        const [cert] = await service.issueCertifications([{ ...base, stars: 3 }])
        await service.changeCertificationStatus(cert.id, "expired")
        await service.changeCertificationStatus(cert.id, "revoked")
        await expect(service.changeCertificationStatus(cert.id, "active")).rejects.toThrow(/status: a revoked certification cannot become active/)
        const [superseded] = await service.issueCertifications([{ ...base, stars: 3, status: "superseded" }])
        await expect(service.changeCertificationStatus(superseded.id, "active")).rejects.toThrow(/superseded/)
        expect((await service.retrieveCertification(cert.id)).status).toBe("revoked")
      })
    })
  },
})
