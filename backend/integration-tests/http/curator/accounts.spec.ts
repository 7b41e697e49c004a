import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { Modules } from "@medusajs/framework/utils"
import { CURATOR_MODULE } from "../../../src/modules/curator"
import type CuratorModuleService from "../../../src/modules/curator/service"
import { ADMIN, loginAdmin } from "../../fixtures/demo-catalog"
import { inviteCurator, loginCurator, registerCuratorIdentity } from "../../fixtures/curator"
import { failed } from "../../fixtures/producer"
import { ensureAdminUser } from "../../../src/scripts/lib/ensure-admin-user"
import { hashInviteToken } from "../../../src/workflows/producer/steps/consume-producer-invite"

jest.setTimeout(300_000)

runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let adminHeaders: Record<string, string>

    beforeAll(async () => {
      await ensureAdminUser(getContainer(), ADMIN.email, ADMIN.password)
    })

    beforeEach(async () => {
      adminHeaders = await loginAdmin(api)
    })

    it("invite → register → accept → sign in: the curator sees itself and its provinces", async () => {
      const { data: invite } = await api.post(
        "/admin/curators/invites",
        { email: "Can.Bo@TraVinh.gov.vn", province_codes: ["86", "82"] },
        { headers: adminHeaders }
      )
      expect(invite.invite).toMatchObject({ email: "can.bo@travinh.gov.vn", scope: "province", province_codes: ["82", "86"] })
      expect(invite.link).toContain(invite.token)
      // Only a hash is stored.
      const curators: CuratorModuleService = getContainer().resolve(CURATOR_MODULE)
      const [stored] = await curators.listCuratorInvites({ id: invite.invite.id })
      expect(stored.token_hash).not.toContain(invite.token)
      expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/)

      const registration = await registerCuratorIdentity(api, "can.bo@travinh.gov.vn")
      const { data: accepted } = await api.post("/curator/invites/accept", { token: invite.token, name: "Nguyễn Thị Hoa" }, { headers: registration })
      expect(accepted.curator).toMatchObject({ email: "can.bo@travinh.gov.vn", name: "Nguyễn Thị Hoa", province_codes: ["82", "86"] })

      const headers = await loginCurator(api, "can.bo@travinh.gov.vn")
      const { data: me } = await api.get("/curator/me", { headers })
      expect(me.curator).toMatchObject({ id: accepted.curator.id, scope: "province", province_codes: ["82", "86"] })
      expect(me.provinces.map((p: any) => p.code)).toEqual(["82", "86"])
      expect(me.provinces[1].name).toMatch(/Vĩnh Long/)

      const { data: list } = await api.get("/admin/curators?province=86", { headers: adminHeaders })
      expect(list.curators.map((c: any) => c.id)).toEqual([accepted.curator.id])
      const { data: other } = await api.get("/admin/curators?province=01", { headers: adminHeaders })
      expect(other.curators).toEqual([])
    })

    it("an invite works once, only for its address, and two concurrent accepts make exactly one curator", async () => {
      const { data: invite } = await api.post(
        "/admin/curators/invites",
        { email: "mot.lan@example.vn", province_codes: ["22"] },
        { headers: adminHeaders }
      )
      const stranger = await registerCuratorIdentity(api, "nguoi.la@example.vn")
      const wrong = await failed(api.post("/curator/invites/accept", { token: invite.token, name: "Lạ" }, { headers: stranger }))
      expect(wrong.status).toBe(400)
      expect(wrong.data.message).toMatch(/^token:/)

      const invited = await registerCuratorIdentity(api, "mot.lan@example.vn")
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          failed(api.post("/curator/invites/accept", { token: invite.token, name: `Lần ${i}` }, { headers: invited }))
        )
      )
      expect(results.filter((r) => r.status === 201)).toHaveLength(1)
      expect(results.filter((r) => r.status !== 201).every((r) => r.status === 400)).toBe(true)
      const curators: CuratorModuleService = getContainer().resolve(CURATOR_MODULE)
      expect(await curators.listCurators({ email: "mot.lan@example.vn" })).toHaveLength(1)
    })

    it("consumes an invite with one conditional update: of 10 simultaneous claims exactly one wins", async () => {
      const { data: invite } = await api.post(
        "/admin/curators/invites",
        { email: "dong.thoi@example.vn", province_codes: ["22"] },
        { headers: adminHeaders }
      )
      const curators: CuratorModuleService = getContainer().resolve(CURATOR_MODULE)
      const hash = hashInviteToken(invite.token)
      const winners = await Promise.all(Array.from({ length: 10 }, () => curators.claimCuratorInvite(hash)))
      expect(winners.filter(Boolean)).toEqual([invite.invite.id])
      expect(await curators.claimCuratorInvite(hash)).toBeNull()
    })

    it("a failed acceptance leaves the invite open, no curator and no half-linked identity; an expired invite is refused", async () => {
      const curators: CuratorModuleService = getContainer().resolve(CURATOR_MODULE)
      const { data: invite } = await api.post(
        "/admin/curators/invites",
        { email: "trung.lap@example.vn", province_codes: ["22"] },
        { headers: adminHeaders }
      )
      // A curator row with this email already exists (say, made by hand): creating the curator fails after the
      // invite was consumed, and the workflow gives the invite back.
      const existing = await curators.createCurators({ email: "trung.lap@example.vn", name: "Có sẵn", province_codes: ["22"] })
      const registration = await registerCuratorIdentity(api, "trung.lap@example.vn")
      const duplicate = await failed(api.post("/curator/invites/accept", { token: invite.token, name: "Trùng" }, { headers: registration }))
      expect(duplicate.status).toBe(422)
      expect(duplicate.data.message).toMatch(/^email:/)
      const [stored] = await curators.listCuratorInvites({ id: invite.invite.id })
      expect(stored).toMatchObject({ accepted_at: null, accepted_by_curator_id: null })
      expect((await curators.listCurators({ email: "trung.lap@example.vn" })).map((c) => c.id)).toEqual([existing.id])
      const again = await failed(
        api.post("/admin/curators/invites", { email: "trung.lap@example.vn", province_codes: ["86"] }, { headers: adminHeaders })
      )
      expect(again.status).toBe(422)
      expect(again.data.message).toMatch(/^email: trung.lap@example.vn đã có tài khoản cán bộ/)
      const auth = getContainer().resolve(Modules.AUTH)
      const [provider] = await auth.listProviderIdentities({ entity_id: "trung.lap@example.vn" }, { relations: ["auth_identity"] })
      expect(provider.auth_identity?.app_metadata?.curator_id).toBeUndefined()

      const { data: late } = await api.post(
        "/admin/curators/invites",
        { email: "tre.han@example.vn", province_codes: ["22"] },
        { headers: adminHeaders }
      )
      // A day ago, not a second: the wall clock may step back between this write and the check.
      await curators.updateCuratorInvites({ id: late.invite.id, expires_at: new Date(Date.now() - 86_400_000) })
      const lateRegistration = await registerCuratorIdentity(api, "tre.han@example.vn")
      const expired = await failed(api.post("/curator/invites/accept", { token: late.token, name: "Trễ" }, { headers: lateRegistration }))
      expect(expired.status).toBe(400)
      expect(expired.data.message).toMatch(/^token: lời mời không hợp lệ, đã dùng hoặc đã hết hạn/)
    })

    it("a curator signs in with a session cookie as well as a bearer token", async () => {
      const bearer = await inviteCurator(api, adminHeaders, "phien@example.vn", { province_codes: ["22"] })
      const session = await api.post("/auth/session", {}, { headers: bearer })
      const cookie = String(session.headers["set-cookie"]?.[0] ?? "").split(";")[0]
      expect(cookie).toMatch(/^connect\.sid=/)
      const { data } = await api.get("/curator/me", { headers: { cookie } })
      expect(data.curator.email).toBe("phien@example.vn")
    })

    it("a national curator sees all 34 provinces; the operator rebinds and deactivates with immediate effect", async () => {
      const national = await inviteCurator(api, adminHeaders, "quoc.gia@example.vn", { scope: "national" })
      const { data: me } = await api.get("/curator/me", { headers: national })
      expect(me.curator.scope).toBe("national")
      expect(me.provinces).toHaveLength(34)

      const headers = await inviteCurator(api, adminHeaders, "doi.tinh@example.vn", { province_codes: ["22"] })
      const { data: before } = await api.get("/curator/me", { headers })
      const { data: moved } = await api.post(`/admin/curators/${before.curator.id}`, { province_codes: ["38", "40"] }, { headers: adminHeaders })
      expect(moved.curator.province_codes).toEqual(["38", "40"])
      const { data: after } = await api.get("/curator/me", { headers })
      expect(after.curator.province_codes).toEqual(["38", "40"])

      await api.post(`/admin/curators/${before.curator.id}`, { active: false }, { headers: adminHeaders })
      const blocked = await failed(api.get("/curator/me", { headers }))
      expect(blocked.status).toBe(403)
      expect(blocked.data.message).toMatch(/^curator:/)
      const { data: inactive } = await api.get("/admin/curators?active=false", { headers: adminHeaders })
      expect(inactive.curators.map((c: any) => c.id)).toEqual([before.curator.id])
      await api.post(`/admin/curators/${before.curator.id}`, { active: true }, { headers: adminHeaders })
      expect((await api.get("/curator/me", { headers })).status).toBe(200)
    })

    it("answers bad input with 400 naming the field, in Vietnamese then English", async () => {
      const cases: [string, unknown, RegExp][] = [
        ["/admin/curators/invites", { email: "khong-phai-email", province_codes: ["86"] }, /^email: không phải địa chỉ email \/ not a valid/],
        ["/admin/curators/invites", { email: "a@example.vn", province_codes: ["99"] }, /^province_codes\.0: không phải mã của 34 tỉnh/],
        ["/admin/curators/invites", { email: "a@example.vn" }, /^province_codes: cần cho cán bộ tỉnh/],
        ["/admin/curators/invites", { email: "a@example.vn", scope: "national", province_codes: ["86"] }, /^province_codes:/],
        ["/admin/curators/invites", { email: "a@example.vn", province_codes: ["86"], expires_in_days: 90 }, /^expires_in_days: 1–30/],
        ["/admin/curators/invites", { email: "a@example.vn", province_codes: ["86"], role: "admin" }, /^unknown parameter\(s\): role/],
        ["/admin/curators/ocur_missing", { active: "no" }, /^active: true hoặc false/],
        ["/admin/curators/ocur_missing", { scope: "national", province_codes: ["22"] }, /^province_codes: cấp quốc gia không gắn tỉnh/],
      ]
      for (const [url, body, message] of cases) {
        const response = await failed(api.post(url, body, { headers: adminHeaders }))
        expect([url, response.status]).toEqual([url, 400])
        expect(response.data.message).toMatch(message)
      }
      const unknown = await failed(api.post("/admin/curators/ocur_missing", { active: false }, { headers: adminHeaders }))
      expect(unknown.status).toBe(404)
      const registration = await registerCuratorIdentity(api, "thieu.ten@example.vn")
      const missing = await failed(api.post("/curator/invites/accept", { token: "x" }, { headers: registration }))
      expect(missing.status).toBe(400)
      expect(missing.data.message).toMatch(/^name: phải là chuỗi ký tự \/ must be text/)
    })
  },
})
