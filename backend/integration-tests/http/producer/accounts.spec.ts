import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { Modules } from "@medusajs/framework/utils"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { failed, inviteProducerMember, listProducersWithProducts, loginProducer, registerIdentity } from "../../fixtures/producer"

jest.setTimeout(300_000)

runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let adminHeaders: Record<string, string>
    let producers: { producer_id: string; product_ids: string[] }[]

    beforeAll(async () => {
      await seedDemoCatalog(getContainer())
      producers = await listProducersWithProducts(getContainer())
    })

    beforeEach(async () => {
      adminHeaders = await loginAdmin(api)
    })

    describe("invite", () => {
      it("an invited person registers, accepts and then manages the inviting producer", async () => {
        const producerId = producers[0].producer_id
        const headers = await inviteProducerMember(api, adminHeaders, producerId, "chu.htx@example.vn")
        const { data } = await api.get("/producer/me", { headers })
        expect(data.member).toMatchObject({ email: "chu.htx@example.vn", role: "owner", producer_id: producerId })
        expect(data.producer.id).toBe(producerId)
        const { data: own } = await api.get("/producer/products", { headers })
        expect(own.products.map((p: any) => p.id).sort()).toEqual([...producers[0].product_ids].sort())
      })

      it("an invite works once, and only for the address it was sent to", async () => {
        const producerId = producers[1].producer_id
        const { data: invite } = await api.post(`/admin/producers/${producerId}/invites`, { email: "dung@example.vn" }, { headers: adminHeaders })
        expect(invite.link).toContain(invite.token)
        const stranger = await registerIdentity(api, "la@example.vn")
        const wrong = await failed(api.post("/producer/invites/accept", { token: invite.token, name: "Lạ" }, { headers: stranger }))
        expect(wrong.status).toBe(400)
        expect(wrong.data.message).toMatch(/^token:/)

        const invited = await registerIdentity(api, "dung@example.vn")
        await api.post("/producer/invites/accept", { token: invite.token, name: "Dũng" }, { headers: invited })
        const again = await registerIdentity(api, "dung2@example.vn")
        const reused = await failed(api.post("/producer/invites/accept", { token: invite.token, name: "Dũng 2" }, { headers: again }))
        expect(reused.status).toBe(400)
      })

      it("a failed acceptance leaves no member and no half-linked identity behind", async () => {
        const registration = await registerIdentity(api, "sai.token@example.vn")
        const bad = await failed(api.post("/producer/invites/accept", { token: "not-a-token", name: "Sai" }, { headers: registration }))
        expect(bad.status).toBe(400)
        const auth = getContainer().resolve(Modules.AUTH)
        const [provider] = await auth.listProviderIdentities({ entity_id: "sai.token@example.vn" }, { relations: ["auth_identity"] })
        expect(provider.auth_identity?.app_metadata?.producer_id).toBeUndefined()
        const login = await failed(api.get("/producer/me", { headers: registration }))
        expect(login.status).toBe(401)
      })
    })

    describe("register and claim", () => {
      it("a registered member claims an imported producer; once the operator approves, it owns it", async () => {
        const unmanaged = producers[producers.length - 1].producer_id
        const registration = await registerIdentity(api, "hoa@example.vn")
        const { data: created } = await api.post("/producer/members", { name: "Hoa" }, { headers: registration })
        expect(created.member).toMatchObject({ email: "hoa@example.vn", producer_id: null })

        const headers = await loginProducer(api, "hoa@example.vn")
        const before = await failed(api.get("/producer/products", { headers }))
        expect(before.status).toBe(403)
        expect(before.data.message).toMatch(/^producer:/)

        const { data: claimed } = await api.post("/producer/claims", { producer_id: unmanaged, message: "Tôi là giám đốc HTX" }, { headers })
        expect(claimed.claim.status).toBe("pending")
        const { data: queue } = await api.get("/admin/producer-claims?status=pending", { headers: adminHeaders })
        expect(queue.claims.map((c: any) => c.id)).toContain(claimed.claim.id)

        const { data: approved } = await api.post(`/admin/producer-claims/${claimed.claim.id}/approve`, {}, { headers: adminHeaders })
        expect(approved.member).toMatchObject({ producer_id: unmanaged, role: "owner" })
        const { data: me } = await api.get("/producer/me", { headers })
        expect(me.producer.id).toBe(unmanaged)
        expect(me.claims[0].status).toBe("approved")

        const twice = await failed(api.post(`/admin/producer-claims/${claimed.claim.id}/approve`, {}, { headers: adminHeaders }))
        expect(twice.status).toBe(400)
      })

      it("a rejected claim leaves the member without a producer", async () => {
        const registration = await registerIdentity(api, "sai.nguoi@example.vn")
        await api.post("/producer/members", { name: "Sai người" }, { headers: registration })
        const headers = await loginProducer(api, "sai.nguoi@example.vn")
        const { data } = await api.post("/producer/claims", { producer_id: producers[producers.length - 1].producer_id }, { headers })
        const { data: rejected } = await api.post(`/admin/producer-claims/${data.claim.id}/reject`, {}, { headers: adminHeaders })
        expect(rejected.claim.status).toBe("rejected")
        const { data: me } = await api.get("/producer/me", { headers })
        expect(me.member.producer_id).toBeNull()
        expect((await failed(api.get("/producer/products", { headers }))).status).toBe(403)
      })

      it("a producer that already has an account cannot be claimed by someone else", async () => {
        await inviteProducerMember(api, adminHeaders, producers[0].producer_id, "chu.that@example.vn")
        const registration = await registerIdentity(api, "ke.gian@example.vn")
        await api.post("/producer/members", { name: "Kẻ gian" }, { headers: registration })
        const headers = await loginProducer(api, "ke.gian@example.vn")
        const claim = await failed(api.post("/producer/claims", { producer_id: producers[0].producer_id }, { headers }))
        expect(claim.status).toBe(403)
        expect(claim.data.message).toMatch(/^producer_id:/)
      })

      it("answers bad bodies with 400 naming the field", async () => {
        const registration = await registerIdentity(api, "thieu.ten@example.vn")
        const missing = await failed(api.post("/producer/members", {}, { headers: registration }))
        expect(missing.status).toBe(400)
        expect(missing.data.message).toMatch(/^name:/)
        const extra = await failed(api.post("/producer/members", { name: "A", producer_id: "oprod_x" }, { headers: registration }))
        expect(extra.status).toBe(400)
        expect(extra.data.message).toMatch(/producer_id/)
      })
    })
  },
})
