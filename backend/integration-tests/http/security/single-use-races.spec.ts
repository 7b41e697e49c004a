import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { attempt, createAttackTally } from "../../fixtures/attack-tally"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { listProducersWithProducts, loginProducer, registerIdentity } from "../../fixtures/producer"
import { PRODUCER_MODULE } from "../../../src/modules/producer"
import type ProducerModuleService from "../../../src/modules/producer/service"

jest.setTimeout(300_000)

const tally = createAttackTally("single-use-races")

/**
 * Single-use things taken by several requests at the same moment: one invite link accepted by several people, one
 * claim approved twice (or approved and rejected). Exactly one request may win; the others get a 4xx, never a 5xx,
 * and the database holds exactly one result.
 */
runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let producers: { producer_id: string; product_ids: string[] }[]
    const service = () => getContainer().resolve<ProducerModuleService>(PRODUCER_MODULE)

    beforeAll(async () => {
      await seedDemoCatalog(getContainer())
      producers = await listProducersWithProducts(getContainer())
    })

    afterAll(() => {
      tally.report()
      expect(tally.leaks).toEqual([])
      expect(tally.serverErrors).toEqual([])
    })

    /** A member without a producer, signed in, with a pending claim on `producerId`. */
    const fileClaim = async (email: string, producerId: string) => {
      const registration = await registerIdentity(api, email)
      await api.post("/producer/members", { name: `Người nhận ${email}` }, { headers: registration })
      const headers = await loginProducer(api, email)
      const { data } = await api.post("/producer/claims", { producer_id: producerId }, { headers })
      return data.claim.id as string
    }

    it("one invite accepted by five people at once makes exactly one member", async () => {
      const admin = await loginAdmin(api)
      const producerId = producers[2].producer_id
      const { data: invite } = await api.post(`/admin/producers/${producerId}/invites`, {}, { headers: admin })
      const people = await Promise.all([1, 2, 3, 4, 5].map((i) => registerIdentity(api, `dong.thoi.${i}@example.vn`)))

      const answers = await Promise.all(
        people.map((headers, i) => attempt(() => api.post("/producer/invites/accept", { token: invite.token, name: `Người ${i + 1}` }, { headers })))
      )
      answers.forEach((answer, i) => tally.record(`concurrent accept ${i + 1}`, answer))
      const members = await service().listProducerMembers({ producer_id: producerId })
      const joined = members.filter((m) => m.email.startsWith("dong.thoi."))
      tally.check("one invite, five accepts", joined.length !== 1 && `${joined.length} members joined`)
      expect(joined).toHaveLength(1)
      expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400, 400, 400])
      expect(answers.find((a) => a.status === 400)!.data).toMatchObject({ message: expect.stringMatching(/^token:/) })
      const [stored] = await service().listProducerInvites({ id: invite.invite.id })
      expect(stored.accepted_by_member_id).toBe(joined[0].id)
    })

    it("an acceptance that fails after taking the invite gives it back", async () => {
      const admin = await loginAdmin(api)
      const producerId = producers[3].producer_id
      const { data: invite } = await api.post(`/admin/producers/${producerId}/invites`, {}, { headers: admin })
      // A member row already holds this email, so creating the member (the step after taking the invite) fails.
      const unlucky = await registerIdentity(api, "trung.email@example.vn")
      await service().createProducerMembers({ email: "trung.email@example.vn", name: "Đã có", role: "member", producer_id: null })
      const failedAccept = await attempt(() => api.post("/producer/invites/accept", { token: invite.token, name: "Trùng" }, { headers: unlucky }))
      tally.record("acceptance failing after the invite was taken", failedAccept, failedAccept.status < 400 && "accepted")
      expect(failedAccept.status).toBe(422)

      const next = await registerIdentity(api, "nguoi.sau@example.vn")
      const retried = await attempt(() => api.post("/producer/invites/accept", { token: invite.token, name: "Người sau" }, { headers: next }))
      tally.record("the released invite accepted by the next person", retried, retried.status !== 201 && `answered ${retried.status}`)
      expect(retried.status).toBe(201)
    })

    it("one claim approved twice at once hands the producer over once", async () => {
      const admin = await loginAdmin(api)
      const producerId = producers[producers.length - 1].producer_id
      const claimId = await fileClaim("duyet.hai.lan@example.vn", producerId)
      const answers = await Promise.all(
        [1, 2].map(() => attempt(() => api.post(`/admin/producer-claims/${claimId}/approve`, {}, { headers: admin })))
      )
      answers.forEach((answer, i) => tally.record(`concurrent approval ${i + 1}`, answer))
      expect(answers.map((a) => a.status).sort()).toEqual([200, 400])
      expect(answers.find((a) => a.status === 400)!.data).toMatchObject({ message: "claim: already approved" })
      const owners = await service().listProducerMembers({ producer_id: producerId, role: "owner" })
      tally.check("one claim, two approvals", owners.length !== 1 && `${owners.length} owners`)
      expect(owners.map((o) => o.email)).toEqual(["duyet.hai.lan@example.vn"])
    })

    it("an approval racing a rejection: one decision stands, and the member matches it", async () => {
      const admin = await loginAdmin(api)
      const producerId = producers[producers.length - 2].producer_id
      const claimId = await fileClaim("quyet.dinh@example.vn", producerId)
      const [approve, reject] = await Promise.all([
        attempt(() => api.post(`/admin/producer-claims/${claimId}/approve`, {}, { headers: admin })),
        attempt(() => api.post(`/admin/producer-claims/${claimId}/reject`, {}, { headers: admin })),
      ])
      tally.record("approval racing a rejection", approve)
      tally.record("rejection racing an approval", reject)
      expect([approve.status, reject.status].sort()).toEqual([200, 400])
      const [claim] = await service().listProducerClaims({ id: claimId })
      const [member] = await service().listProducerMembers({ email: "quyet.dinh@example.vn" })
      const consistent = claim.status === "approved" ? member.producer_id === producerId : member.producer_id === null
      tally.check("claim decision and member agree", !consistent && `claim ${claim.status}, member producer ${member.producer_id}`)
      expect(consistent).toBe(true)
      expect(claim.status).toBe(approve.status === 200 ? "approved" : "rejected")
    })
  },
})
