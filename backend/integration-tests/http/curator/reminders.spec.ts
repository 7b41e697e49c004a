import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { curatorReminders } from "@ocop/contracts"
import { Modules } from "@medusajs/framework/utils"
import { attempt, createAttackTally } from "../../fixtures/attack-tally"
import { inviteCurator, listProvinceCertificates } from "../../fixtures/curator"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { inviteProducerMember } from "../../fixtures/producer"
import { OCOP_MODULE } from "../../../src/modules/ocop"
import type OcopModuleService from "../../../src/modules/ocop/service"
import { fromDateOnly, todayInVietnam } from "../../../src/modules/ocop/dates"
import { sendExpiryRemindersWorkflow } from "../../../src/workflows/curator/send-expiry-reminders"

jest.setTimeout(300_000)

const A = "86"
const B = "22"
const DAY_MS = 86_400_000

/** The calendar date `days` after today in Vietnam. */
function inDays(days: number): string {
  return new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    const tally = createAttackTally("curator-reminders")
    let curatorA: Record<string, string>
    // Certificate id → days left, and the member e-mail of its producer.
    const planted: { id: string; days: number; email: string; province: string }[] = []

    beforeAll(async () => {
      await seedDemoCatalog(getContainer())
      const adminHeaders = await loginAdmin(api)
      curatorA = await inviteCurator(api, adminHeaders, "nhac.han@example.vn", { province_codes: [A] })
      const aCerts = (await listProvinceCertificates(getContainer(), A)).filter((c) => c.status !== "superseded")
      const bCerts = (await listProvinceCertificates(getContainer(), B)).filter((c) => c.status !== "superseded")
      // Each planted certificate gets its own producer's member, so recipients tell them apart.
      const byProducer = new Map<string, (typeof aCerts)[number]>()
      for (const c of aCerts) if (!byProducer.has(c.product.producer.id)) byProducer.set(c.product.producer.id, c)
      const aPicks = [...byProducer.values()]
      expect(aPicks.length).toBeGreaterThanOrEqual(3)
      const plan: [(typeof aCerts)[number], number, string][] = [
        [aPicks[0], 90, A],
        [aPicks[1], 60, A],
        [aPicks[2], 30, A],
        [bCerts[0], 30, B],
      ]
      if (aPicks[3]) plan.push([aPicks[3], 120, A])
      const ocop = getContainer().resolve(OCOP_MODULE) as OcopModuleService
      for (const [cert, days, province] of plan) {
        await ocop.updateCertifications({ id: cert.id, status: "active", valid_until: fromDateOnly(inDays(days)) })
        const email = `chu.the.${days}.${province}@example.vn`
        await inviteProducerMember(api, adminHeaders, cert.product.producer.id, email)
        planted.push({ id: cert.id, days, email, province })
      }
    })

    afterAll(() => tally.report())

    const notificationsOf = async (certIds: string[]) =>
      getContainer().resolve(Modules.NOTIFICATION).listNotifications({ resource_id: certIds, channel: "email" })

    it("tells each producer once at 90, 60 and 30 days, even when two runs race and when the job runs again", async () => {
      const run = () => sendExpiryRemindersWorkflow(getContainer()).run({ input: { today: todayInVietnam() } })
      // Two workers at once: each reminder is taken by one of them only.
      await Promise.all([run(), run()])
      const ids = planted.map((p) => p.id)
      const sent = await notificationsOf(ids)
      const due = planted.filter((p) => p.days <= 90)
      expect(sent.map((n: any) => [n.resource_id, n.to]).sort()).toEqual(due.map((p) => [p.id, p.email]).sort())
      for (const p of due) {
        const n = sent.find((x: any) => x.resource_id === p.id)!
        expect(n.template).toBe("ocop-certificate-expiry")
        expect(n.data).toMatchObject({ threshold_days: p.days })
      }
      // Vietnamese first, English second.
      const thirty = sent.find((n: any) => n.resource_id === planted[2].id) as any
      const text = String(thirty.data?.text ?? "")
      expect(text.indexOf("hết hiệu lực")).toBeGreaterThanOrEqual(0)
      expect(text.indexOf("hết hiệu lực")).toBeLessThan(text.indexOf("expires on"))

      // The next day's run sends nothing new.
      const { result } = await run()
      expect(result).toEqual([])
      expect(await notificationsOf(ids)).toHaveLength(due.length)
    })

    it("the curator sees who was told for its own provinces only", async () => {
      // The runner empties the tables between tests: this test's own run.
      await sendExpiryRemindersWorkflow(getContainer()).run({ input: { today: todayInVietnam() } })
      const { data } = await api.get("/curator/reminders?limit=100", { headers: curatorA })
      curatorReminders.parse(data)
      const own = planted.filter((p) => p.province === A && p.days <= 90)
      expect(data.reminders.map((r: any) => [r.certificate_id, r.threshold_days, r.recipients]).sort()).toEqual(
        own.map((p) => [p.id, p.days, [p.email]]).sort()
      )
      const { data: one } = await api.get(`/curator/reminders?certificate_id=${own[0].id}&from=${todayInVietnam()}`, { headers: curatorA })
      expect(one.reminders).toHaveLength(1)

      const bCert = planted.find((p) => p.province === B)!
      for (const url of [
        `/curator/reminders?certificate_id=${bCert.id}`,
        `/curator/reminders?province=${B}`,
        `/curator/reminders?province_code=${B}`,
      ]) {
        const response = await attempt(() => api.get(url, { headers: curatorA }))
        const body = JSON.stringify(response.data ?? "")
        tally.record(
          `reminders ${url}`,
          response,
          ![200, 400].includes(response.status)
            ? `HTTP ${response.status}`
            : body.includes(bCert.email) || body.includes(bCert.id)
              ? "B's reminder in the answer"
              : false
        )
      }
      const bad = await api.get("/curator/reminders?from=2026-13-01", { headers: curatorA }).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/^from: /)
      expect(tally.leaks).toEqual([])
      expect(tally.serverErrors).toEqual([])
    })
  },
})
