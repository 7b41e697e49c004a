import { readFile } from "node:fs/promises"
import path from "node:path"
import sharp from "sharp"
import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { inviteCurator, listProvinceCertificates } from "../../fixtures/curator"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { makePhoneJpeg } from "../../fixtures/photos"
import { failed } from "../../fixtures/producer"
import { FEATURED_MODULE } from "../../../src/modules/featured"
import type FeaturedModuleService from "../../../src/modules/featured/service"

jest.setTimeout(300_000)

const DAY = 86_400_000
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString()

/** Featured lists: a province's curators curate its lists, the operator national ones, the shop shows active ones. */
runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let adminHeaders: Record<string, string>
    let storeHeaders: Record<string, string>
    let salesChannelId: string
    let vinhLong: Record<string, string>
    let vinhLongProducts: { id: string; title: string }[]
    let thanhHoaProduct: { id: string; title: string }

    const productsOf = async (province: string) =>
      (await listProvinceCertificates(getContainer(), province))
        .filter((c) => c.status !== "superseded")
        .map((c) => ({ id: c.product.id, title: c.product.title }))
        .sort((a, b) => a.title.localeCompare(b.title))
    const countLists = async () => (await (getContainer().resolve(FEATURED_MODULE) as FeaturedModuleService).listFeaturedLists({})).length
    const storeLists = async (query = "") => (await api.get(`/store/featured-lists${query}`, { headers: storeHeaders })).data.featured_lists
    const newList = (overrides: Record<string, unknown> = {}) => ({
      title: "Đặc sản mùa nước nổi Vĩnh Long",
      description: "Những sản phẩm OCOP của miền sông nước.",
      products: vinhLongProducts.slice(0, 3).map((p) => p.id),
      starts_at: daysFromNow(-1),
      ends_at: daysFromNow(30),
      ...overrides,
    })
    const createPublished = async (overrides: Record<string, unknown> = {}) => {
      const { data } = await api.post("/curator/featured-lists", newList(overrides), { headers: vinhLong })
      return (await api.post(`/curator/featured-lists/${data.featured_list.id}/publish`, {}, { headers: vinhLong })).data.featured_list
    }

    beforeAll(async () => {
      const defaults = await seedDemoCatalog(getContainer())
      storeHeaders = { "x-publishable-api-key": defaults.publishableKey }
      salesChannelId = defaults.salesChannelId
      adminHeaders = await loginAdmin(api)
      vinhLong = await inviteCurator(api, adminHeaders, "ocop@vinhlong.gov.vn", { province_codes: ["86"] })
      vinhLongProducts = await productsOf("86")
      thanhHoaProduct = (await productsOf("38"))[0]
      // The assertions below need a few products in each province.
      expect(vinhLongProducts.length).toBeGreaterThanOrEqual(4)
      expect(thanhHoaProduct).toBeDefined()
    })

    it("a curator's draft stays out of the shop until published, then shows its products in order as store cards", async () => {
      const { data, status } = await api.post("/curator/featured-lists", newList(), { headers: vinhLong })
      expect(status).toBe(201)
      const list = data.featured_list
      expect(list).toMatchObject({
        status: "draft",
        is_active: false,
        province: { code: "86", name: "Tỉnh Vĩnh Long" },
        product_ids: vinhLongProducts.slice(0, 3).map((p) => p.id),
        created_by: { type: "curator", email: "ocop@vinhlong.gov.vn" },
      })
      expect(list.handle).toMatch(/^dac-san-mua-nuoc-noi-vinh-long-[0-9a-f]{6}$/)
      expect((await storeLists("?province=86")).map((l: any) => l.id)).not.toContain(list.id)
      expect((await failed(api.get(`/store/featured-lists/${list.handle}`, { headers: storeHeaders }))).status).toBe(404)

      const published = (await api.post(`/curator/featured-lists/${list.id}/publish`, {}, { headers: vinhLong })).data.featured_list
      expect(published).toMatchObject({ status: "published", is_active: true })
      const shown = (await storeLists("?province=86")).find((l: any) => l.id === list.id)
      expect(shown.products.map((p: any) => p.title)).toEqual(vinhLongProducts.slice(0, 3).map((p) => p.title))
      // The same card fields as /store/ocop/products: stars, producer, price.
      expect(shown.products[0]).toMatchObject({
        handle: expect.any(String),
        ocop: { stars: expect.any(Number) },
        producer: { name: expect.any(String) },
      })
      const { data: page } = await api.get(`/store/featured-lists/${list.handle}`, { headers: storeHeaders })
      expect(page.featured_list).toMatchObject({ title: list.title, province: { code: "86" } })
      expect(page.featured_list.products.map((p: any) => p.id)).toEqual(list.product_ids)

      await api.post(`/curator/featured-lists/${list.id}/unpublish`, {}, { headers: vinhLong })
      expect((await failed(api.get(`/store/featured-lists/${list.handle}`, { headers: storeHeaders }))).status).toBe(404)
    })

    it("reorders the same products; a different set is refused and changes nothing", async () => {
      const list = await createPublished()
      const reversed = [...list.product_ids].reverse()
      const { data } = await api.post(`/curator/featured-lists/${list.id}/products`, { products: reversed }, { headers: vinhLong })
      expect(data.featured_list.product_ids).toEqual(reversed)
      const { data: page } = await api.get(`/store/featured-lists/${list.handle}`, { headers: storeHeaders })
      expect(page.featured_list.products.map((p: any) => p.id)).toEqual(reversed)

      const swapped = await failed(
        api.post(`/curator/featured-lists/${list.id}/products`, { products: [vinhLongProducts[3].id, ...reversed.slice(1)] }, { headers: vinhLong })
      )
      expect(swapped.status).toBe(400)
      expect(swapped.data.message).toMatch(/^products: phải đúng các sản phẩm của danh sách/)
      expect((await api.get(`/curator/featured-lists/${list.id}`, { headers: vinhLong })).data.featured_list.product_ids).toEqual(reversed)
    })

    it("refuses another province's product by position and title, and writes nothing", async () => {
      const before = await countLists()
      const products = [vinhLongProducts[0].id, vinhLongProducts[1].id, thanhHoaProduct.id]
      const refused = await failed(api.post("/curator/featured-lists", newList({ products }), { headers: vinhLong }))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe(
        `products[2]: “${thanhHoaProduct.title}” thuộc Tỉnh Thanh Hóa, không phải Tỉnh Vĩnh Long / belongs to Tỉnh Thanh Hóa, not Tỉnh Vĩnh Long`
      )
      expect(await countLists()).toBe(before)

      const list = await createPublished()
      const update = await failed(api.post(`/curator/featured-lists/${list.id}`, { products }, { headers: vinhLong }))
      expect(update.status).toBe(400)
      expect(update.data.message).toMatch(/^products\[2\]: “.+” thuộc Tỉnh Thanh Hóa/)
      expect((await api.get(`/curator/featured-lists/${list.id}`, { headers: vinhLong })).data.featured_list.product_ids).toEqual(list.product_ids)

      const unknown = await failed(api.post("/curator/featured-lists", newList({ products: ["prod_nope"] }), { headers: vinhLong }))
      expect(unknown.status).toBe(400)
      expect(unknown.data.message).toMatch(/^products\[0\]: không tìm thấy sản phẩm "prod_nope"/)
    })

    it("shows a published list only between its start and end", async () => {
      const future = await createPublished({ title: "Quà Tết sắp tới", starts_at: daysFromNow(5), ends_at: daysFromNow(40) })
      const ended = await createPublished({ title: "Mùa trước", starts_at: daysFromNow(-40), ends_at: daysFromNow(-1) })
      const current = await createPublished({ title: "Đang diễn ra" })
      const ids = (await storeLists("?province=86")).map((l: any) => l.id)
      expect(ids).toContain(current.id)
      expect(ids).not.toContain(future.id)
      expect(ids).not.toContain(ended.id)

      // Ending a running list takes it out of the shop; moving the start up brings the future one in.
      await api.post(`/curator/featured-lists/${current.id}`, { ends_at: daysFromNow(-0.01) }, { headers: vinhLong })
      await api.post(`/curator/featured-lists/${future.id}`, { starts_at: daysFromNow(-0.01) }, { headers: vinhLong })
      const after = (await storeLists("?province=86")).map((l: any) => l.id)
      expect(after).toContain(future.id)
      expect(after).not.toContain(current.id)

      const backwards = await failed(api.post(`/curator/featured-lists/${future.id}`, { ends_at: daysFromNow(-3) }, { headers: vinhLong }))
      expect(backwards.status).toBe(400)
      expect(backwards.data.message).toMatch(/^ends_at: phải sau starts_at/)
      const create = await failed(
        api.post("/curator/featured-lists", newList({ starts_at: daysFromNow(3), ends_at: daysFromNow(1) }), { headers: vinhLong })
      )
      expect(create.status).toBe(400)
      expect(create.data.message).toMatch(/^ends_at: phải sau starts_at/)
    })

    it("answers bad input with 400 naming the field", async () => {
      for (const [body, message] of [
        [newList({ title: "" }), /^title: không được để trống/],
        [newList({ products: [] }), /^products: cần ít nhất một sản phẩm/],
        [newList({ products: [vinhLongProducts[0].id, vinhLongProducts[0].id] }), /^products: sản phẩm bị lặp/],
        [newList({ starts_at: "mai" }), /^starts_at: ngày giờ ISO 8601/],
        [newList({ province: "38" }), /^province: chọn một tỉnh của cán bộ/],
        [newList({ province: "Atlantis" }), /^province: không có tỉnh/],
        [{ ...newList(), status: "published" }, /unknown parameter\(s\): status/],
      ] as const) {
        const response = await failed(api.post("/curator/featured-lists", body, { headers: vinhLong }))
        expect({ body, status: response.status }).toEqual({ body, status: 400 })
        expect(response.data.message).toMatch(message)
      }
    })

    it("takes a cover through the photo pipeline and the File Module; a non-image is refused", async () => {
      const list = await createPublished()
      const form = new FormData()
      form.append("file", new Blob([new Uint8Array(await makePhoneJpeg(1200, 800))], { type: "image/jpeg" }), "bia.jpg")
      const { data } = await api.post(`/curator/featured-lists/${list.id}/cover`, form, { headers: vinhLong })
      expect(data.featured_list.cover.url).toMatch(/\.jpg$/)
      expect(data.featured_list.cover.renditions.map((r: any) => `${r.format}@${r.width}`).sort()).toEqual(
        ["avif@480", "avif@960", "avif@1200", "webp@480", "webp@960", "webp@1200", "jpeg@480", "jpeg@960", "jpeg@1200"].sort()
      )
      // The local file provider stores under backend/static; the stored JPEG is a real 1200-px image.
      const stored = await sharp(
        await readFile(path.join(process.cwd(), "static", path.basename(new URL(data.featured_list.cover.url).pathname)))
      ).metadata()
      expect(stored).toMatchObject({ format: "jpeg", width: 1200 })
      const { data: page } = await api.get(`/store/featured-lists/${list.handle}`, { headers: storeHeaders })
      expect(page.featured_list.cover).toMatchObject({ url: data.featured_list.cover.url, renditions: expect.any(Array) })

      // A new cover replaces the old one, whose stored files are deleted.
      const again = new FormData()
      again.append("file", new Blob([new Uint8Array(await makePhoneJpeg(800, 600))], { type: "image/jpeg" }), "bia-2.jpg")
      const { data: replaced } = await api.post(`/curator/featured-lists/${list.id}/cover`, again, { headers: vinhLong })
      expect(replaced.featured_list.cover.url).not.toBe(data.featured_list.cover.url)
      await expect(readFile(path.join(process.cwd(), "static", path.basename(new URL(data.featured_list.cover.url).pathname)))).rejects.toThrow(
        /ENOENT/
      )

      const bad = new FormData()
      bad.append("file", new Blob([new TextEncoder().encode("not an image")], { type: "image/jpeg" }), "x.jpg")
      const refused = await failed(api.post(`/curator/featured-lists/${list.id}/cover`, bad, { headers: vinhLong }))
      expect(refused.status).toBe(400)
      expect(refused.data.message).toMatch(/^file: không đọc được ảnh/)
    })

    it("deletes a list: it leaves the shop and the curator's register", async () => {
      const list = await createPublished()
      const { data } = await api.delete(`/curator/featured-lists/${list.id}`, { headers: vinhLong })
      expect(data).toEqual({ id: list.id, object: "featured_list", deleted: true })
      expect((await failed(api.get(`/store/featured-lists/${list.handle}`, { headers: storeHeaders }))).status).toBe(404)
      const { data: own } = await api.get("/curator/featured-lists?limit=100", { headers: vinhLong })
      expect(own.featured_lists.map((l: any) => l.id)).not.toContain(list.id)
    })

    it("the operator makes a national list of several provinces' products; curators cannot reach it; the shop shows it first", async () => {
      const provincial = await createPublished({ title: "Tuyển chọn Vĩnh Long" })
      const products = [thanhHoaProduct.id, vinhLongProducts[0].id]
      const { data, status } = await api.post(
        "/admin/featured-lists",
        { title: "Quà Tết OCOP toàn quốc", products, starts_at: daysFromNow(-1), ends_at: daysFromNow(20) },
        { headers: adminHeaders }
      )
      expect(status).toBe(201)
      expect(data.featured_list).toMatchObject({ province: null, created_by: { type: "user" } })
      await api.post(`/admin/featured-lists/${data.featured_list.id}/publish`, {}, { headers: adminHeaders })

      const all = await storeLists()
      expect(all[0]).toMatchObject({ id: data.featured_list.id, province: null })
      expect(all[0].products.map((p: any) => p.id)).toEqual(products)
      expect(all.map((l: any) => l.id)).toContain(provincial.id)
      // A province's page shows its own lists, not the national ones.
      expect((await storeLists("?province=86")).every((l: any) => l.province?.code === "86")).toBe(true)

      expect((await failed(api.get(`/curator/featured-lists/${data.featured_list.id}`, { headers: vinhLong }))).status).toBe(404)
      expect((await failed(api.post(`/curator/featured-lists/${data.featured_list.id}`, { title: "x" }, { headers: vinhLong }))).status).toBe(404)
      const own = (await api.get("/curator/featured-lists?limit=100", { headers: vinhLong })).data.featured_lists
      expect(own.length).toBeGreaterThan(0)
      expect(own.every((l: any) => l.province?.code === "86")).toBe(true)
    })

    it("shows only products the publishable key's channel sells", async () => {
      const list = await createPublished()
      const dropped = list.product_ids[1]
      await api.post(`/admin/sales-channels/${salesChannelId}/products`, { remove: [dropped] }, { headers: adminHeaders })
      try {
        const { data } = await api.get(`/store/featured-lists/${list.handle}`, { headers: storeHeaders })
        expect(data.featured_list.products.map((p: any) => p.id)).toEqual(list.product_ids.filter((id: string) => id !== dropped))
      } finally {
        await api.post(`/admin/sales-channels/${salesChannelId}/products`, { add: [dropped] }, { headers: adminHeaders })
      }
    })
  },
})
