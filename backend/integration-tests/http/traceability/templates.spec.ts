import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { lotTemplateAnswer, lotTemplateList } from "@ocop/contracts"
import { communes } from "@ocop/domain/places"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { failed, inviteProducerMember, listProducersWithProducts } from "../../fixtures/producer"

// Migrating a fresh database takes minutes on a busy machine.
jest.setTimeout(900_000)

/** Lot templates (issue 17): a producer's named presets for the new-lot form, never seen or deleted by another producer. */
runMedusaSuite({
  dbName: `lot_templates_${process.pid}`,
  testSuite: ({ api, getContainer }) => {
    let forA: { headers: Record<string, string> }
    let forB: { headers: Record<string, string> }

    beforeAll(async () => {
      await seedDemoCatalog(getContainer())
      const [a, b] = await listProducersWithProducts(getContainer())
      const admin = await loginAdmin(api)
      forA = { headers: await inviteProducerMember(api, admin, a.producer_id, "mau@htx-a.vn") }
      forB = { headers: await inviteProducerMember(api, admin, b.producer_id, "mau@htx-b.vn") }
    })

    it("a producer saves, lists, replaces and deletes its templates; another producer neither sees nor deletes them", async () => {
      const commune = communes[0]
      const body = {
        name: "Bưởi vụ Tết",
        growing_area_code: "vn-tntc-0012",
        commune_code: commune.code,
        quantity: 500,
        steps: [
          { kind: "harvest", note: "Thu hái buổi sáng" },
          { kind: "pack", note: "" },
        ],
      }
      const created = await failed(api.post("/producer/lot-templates", body, forA))
      expect(created.status).toBe(201)
      const template = lotTemplateAnswer.parse(created.data).template
      expect(template).toMatchObject({
        name: "Bưởi vụ Tết",
        growing_area_code: "VN-TNTC-0012",
        commune: { code: commune.code, name: commune.name, province_code: commune.provinceCode },
        quantity: 500,
        steps: body.steps,
      })

      // Saving under the same name replaces the template rather than adding a second one.
      const replaced = await failed(api.post("/producer/lot-templates", { ...body, quantity: 600, steps: [{ kind: "process", note: "Sấy" }] }, forA))
      expect(replaced.status).toBe(200)
      expect(replaced.data.template.id).toBe(template.id)
      const second = await failed(api.post("/producer/lot-templates", { name: "Cam sành" }, forA))
      expect(second.status).toBe(201)

      const listA = lotTemplateList.parse((await api.get("/producer/lot-templates", forA)).data).templates
      expect(listA.map((t) => [t.name, t.quantity, t.steps])).toEqual([
        ["Bưởi vụ Tết", 600, [{ kind: "process", note: "Sấy" }]],
        ["Cam sành", null, []],
      ])

      // B: an empty list, and A's template is not found, for reading through DELETE or deleting.
      expect(lotTemplateList.parse((await api.get("/producer/lot-templates", forB)).data).templates).toEqual([])
      const theirs = await failed(api.delete(`/producer/lot-templates/${template.id}`, forB))
      expect(theirs.status).toBe(404)
      // B may use the same name for its own template.
      expect((await failed(api.post("/producer/lot-templates", { name: "Bưởi vụ Tết" }, forB))).status).toBe(201)
      expect((await api.get("/producer/lot-templates", forA)).data.templates).toHaveLength(2)

      const deleted = await failed(api.delete(`/producer/lot-templates/${template.id}`, forA))
      expect([deleted.status, deleted.data]).toEqual([200, { id: template.id, object: "lot_template", deleted: true }])
      expect((await api.get("/producer/lot-templates", forA)).data.templates.map((t: { name: string }) => t.name)).toEqual(["Cam sành"])
      expect((await failed(api.delete(`/producer/lot-templates/${template.id}`, forA))).status).toBe(404)
      // A stranger (no token) is refused before anything is read.
      expect((await failed(api.get("/producer/lot-templates"))).status).toBe(401)
    })

    it("bad input is refused naming the field, and a template never carries a lot code or a date", async () => {
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ name: "" }, /^name: không được để trống \/ must not be empty/],
        [{ name: "Mẫu", commune_code: "99999" }, /^commune_code: không có xã\/phường với mã này/],
        [{ name: "Mẫu", quantity: 0 }, /^quantity: ít nhất 1/],
        [{ name: "Mẫu", growing_area_code: "!" }, /^growing_area_code: /],
        [{ name: "Mẫu", steps: [{ kind: "bake", note: "" }] }, /kind: harvest \| process \| pack \| other/],
        [{ name: "Mẫu", code: "L-1" }, /code/],
        [{ name: "Mẫu", made_on: "2026-11-01" }, /made_on/],
      ]
      for (const [body, message] of cases) {
        const answer = await failed(api.post("/producer/lot-templates", body, forA))
        expect([answer.status, answer.data.message]).toEqual([400, expect.stringMatching(message)])
      }
      expect((await api.get("/producer/lot-templates", forA)).data.templates).toEqual([])
    })
  },
})
