import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { inviteCurator, listProvinceCertificates } from "../../fixtures/curator"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { rebuildProductIndex } from "../../fixtures/sample-catalog"
import { inviteProducerMember } from "../../fixtures/producer"
import { waitFor } from "../../fixtures/wait-for"

jest.setTimeout(300_000)

// Trà Vinh's successor (86) and Quảng Ninh (22) both have several demo products.
const A = "86"
const B = "22"

runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let store: Record<string, string>
    let adminHeaders: Record<string, string>
    let curatorA: Record<string, string>
    let curatorB: Record<string, string>
    let product: { id: string; title: string; producer: { id: string } }

    beforeAll(async () => {
      const defaults = await seedDemoCatalog(getContainer())
      await rebuildProductIndex(getContainer())
      store = { "x-publishable-api-key": defaults.publishableKey }
      adminHeaders = await loginAdmin(api)
      curatorA = await inviteCurator(api, adminHeaders, "an.sp.a@example.vn", { province_codes: [A] })
      curatorB = await inviteCurator(api, adminHeaders, "an.sp.b@example.vn", { province_codes: [B] })
      const certs = (await listProvinceCertificates(getContainer(), A)).filter((c) => c.status !== "superseded")
      product = certs[0].product
    })

    const storeStatus = async () => (await api.get(`/store/ocop/products/${product.id}`, { headers: store }).catch((e: any) => e.response)).status
    const searchTitles = async () => {
      const { data } = await api.get(`/store/ocop/search?q=${encodeURIComponent(product.title)}&limit=20`, { headers: store })
      return data.hits.map((h: any) => h.id) as string[]
    }
    const listingIds = async () => {
      const { data } = await api.get(`/store/ocop/products?limit=100&province=${A}`, { headers: store })
      return data.products.map((p: any) => p.id) as string[]
    }

    it("a curator hides a listing: the store, its listings and the search drop it, the producer cannot republish it, and shows it again", async () => {
      // Visible to begin with, so the drop below is the hide's doing.
      expect(await storeStatus()).toBe(200)
      expect(await searchTitles()).toContain(product.id)
      expect(await listingIds()).toContain(product.id)

      const { data: hidden } = await api.post(
        `/curator/products/${product.id}/visibility`,
        { hidden: true, reason: "Cơ sở ngừng sản xuất" },
        { headers: curatorA }
      )
      expect(hidden.visibility_change).toMatchObject({
        hidden: true,
        reason: "Cơ sở ngừng sản xuất",
        recorded_by: { type: "curator", email: "an.sp.a@example.vn" },
      })
      expect(await storeStatus()).toBe(404)
      expect(await listingIds()).not.toContain(product.id)
      await waitFor(async () => !(await searchTitles()).includes(product.id), { what: "the search to drop the hidden product" })

      // The producer cannot undo the curator's decision by publishing again.
      const producer = await inviteProducerMember(api, adminHeaders, product.producer.id, "chu.the.an@example.vn")
      const republish = await api
        .post(`/producer/products/${product.id}`, { status: "published" }, { headers: producer })
        .catch((e: any) => e.response)
      expect(republish.status).toBe(400)
      expect(republish.data.message).toMatch(/^status: /)
      expect(await storeStatus()).toBe(404)

      // Hiding twice is refused: the log holds real changes only.
      const again = await api
        .post(`/curator/products/${product.id}/visibility`, { hidden: true, reason: "lần nữa" }, { headers: curatorA })
        .catch((e: any) => e.response)
      expect(again.status).toBe(400)
      expect(again.data.message).toMatch(/^hidden: /)

      await api.post(`/curator/products/${product.id}/visibility`, { hidden: false, reason: "Cơ sở sản xuất lại" }, { headers: curatorA })
      expect(await storeStatus()).toBe(200)
      expect(await listingIds()).toContain(product.id)
      await waitFor(async () => (await searchTitles()).includes(product.id), { what: "the search to regain the product" })

      const { data } = await api.get(`/curator/products/${product.id}`, { headers: curatorA })
      expect(data.product.status).toBe("published")
      expect(data.visibility.hidden).toBe(false)
      expect(data.visibility.history.map((h: any) => [h.hidden, h.reason, h.recorded_by.email])).toEqual([
        [false, "Cơ sở sản xuất lại", "an.sp.a@example.vn"],
        [true, "Cơ sở ngừng sản xuất", "an.sp.a@example.vn"],
      ])
      expect(data.visibility.history[0].recorded_at).toBeTruthy()
    })

    it("refuses a missing reason and another province's curator, writing nothing", async () => {
      const history = async () => (await api.get(`/curator/products/${product.id}`, { headers: curatorA })).data.visibility.history
      const before = await history()
      const noReason = await api
        .post(`/curator/products/${product.id}/visibility`, { hidden: true }, { headers: curatorA })
        .catch((e: any) => e.response)
      expect(noReason.status).toBe(400)
      expect(noReason.data.message).toMatch(/^reason: /)
      const notBool = await api
        .post(`/curator/products/${product.id}/visibility`, { hidden: "yes", reason: "x" }, { headers: curatorA })
        .catch((e: any) => e.response)
      expect(notBool.status).toBe(400)
      expect(notBool.data.message).toMatch(/^hidden: /)
      const other = await api
        .post(`/curator/products/${product.id}/visibility`, { hidden: true, reason: "x" }, { headers: curatorB })
        .catch((e: any) => e.response)
      expect(other.status).toBe(404)
      expect(await storeStatus()).toBe(200)
      expect(await history()).toEqual(before)
    })
  },
})
