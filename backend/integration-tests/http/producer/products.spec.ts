import path from "node:path"
import { readFile } from "node:fs/promises"
import sharp from "sharp"
import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { producerDashboard } from "@ocop/contracts"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { hasGpsIfd, makePhoneJpeg, makePngBomb, makeTurnedJpeg } from "../../fixtures/photos"
import { failed, firstVariantId, inviteProducerMember, listProducersWithProducts, placeOrder } from "../../fixtures/producer"

jest.setTimeout(300_000)

/** What a producer can do with its own listings, checked where a buyer or the operator would see it. */
runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let defaults: Awaited<ReturnType<typeof seedDemoCatalog>>
    let producer: { producer_id: string; product_ids: string[] }
    let headers: Record<string, string>
    let storeHeaders: Record<string, string>

    beforeAll(async () => {
      defaults = await seedDemoCatalog(getContainer())
      ;[producer] = await listProducersWithProducts(getContainer())
      storeHeaders = { "x-publishable-api-key": defaults.publishableKey }
    })

    beforeEach(async () => {
      headers = await inviteProducerMember(api, await loginAdmin(api), producer.producer_id, "chu@htx.vn")
    })

    const productId = () => producer.product_ids[0]
    const upload = (files: { content: Buffer; name: string; type: string }[], fields: Record<string, string> = {}) => {
      const form = new FormData()
      for (const file of files) form.append("files", new Blob([new Uint8Array(file.content)], { type: file.type }), file.name)
      for (const [key, value] of Object.entries(fields)) form.append(key, value)
      return failed(api.post(`/producer/products/${productId()}/images`, form, { headers }))
    }
    /** The stored bytes behind a File Module URL (local provider: backend/static). */
    const readStored = (url: string) => readFile(path.join(process.cwd(), "static", path.basename(new URL(url).pathname)))

    describe("POST /producer/products/:id", () => {
      it("a new VND price reaches the store", async () => {
        const variantId = await firstVariantId(getContainer(), productId())
        const { data } = await api.post(`/producer/products/${productId()}`, { variants: [{ id: variantId, price_vnd: 189000 }] }, { headers })
        expect(data.product.variants.find((v: any) => v.id === variantId).price_vnd).toBe(189000)
        const { data: store } = await api.get(`/store/ocop/products/${productId()}`, { headers: storeHeaders })
        expect(store.product.price_from).toMatchObject({ amount: 189000, currency_code: "vnd" })
      })

      it("title, description and the producer's story change; the story reaches buyers sanitised", async () => {
        const { data } = await api.post(
          `/producer/products/${productId()}`,
          {
            title: "Chè búp Tân Cương hảo hạng",
            description: "Hái tay, sao chảo gang.",
            story: "**Ba thế hệ** làm chè <script>alert(1)</script>",
          },
          { headers }
        )
        expect(data.product).toMatchObject({ title: "Chè búp Tân Cương hảo hạng", description: "Hái tay, sao chảo gang." })
        const { data: store } = await api.get(`/store/ocop/products/${productId()}`, { headers: storeHeaders })
        expect(store.product.title).toBe("Chè búp Tân Cương hảo hạng")
        expect(store.product.producer.story_html).toContain("<strong>Ba thế hệ</strong>")
        expect(store.product.producer.story_html).not.toContain("<script>")
      })

      it("unpublishing hides the product from buyers; publishing shows it again", async () => {
        await api.post(`/producer/products/${productId()}`, { status: "draft" }, { headers })
        const hidden = await failed(api.get(`/store/ocop/products/${productId()}`, { headers: storeHeaders }))
        expect(hidden.status).toBe(404)
        await api.post(`/producer/products/${productId()}`, { status: "published" }, { headers })
        const shown = await failed(api.get(`/store/ocop/products/${productId()}`, { headers: storeHeaders }))
        expect(shown.status).toBe(200)
      })

      it("stock set by the producer is tracked by inventory and shows on the dashboard when low", async () => {
        const variantId = await firstVariantId(getContainer(), productId())
        const { data } = await api.post(`/producer/products/${productId()}`, { variants: [{ id: variantId, stock: 3 }] }, { headers })
        expect(data.product.variants.find((v: any) => v.id === variantId).stock).toBe(3)
        const { data: again } = await api.post(`/producer/products/${productId()}`, { variants: [{ id: variantId, stock: 40 }] }, { headers })
        expect(again.product.variants.find((v: any) => v.id === variantId).stock).toBe(40)
        await api.post(`/producer/products/${productId()}`, { variants: [{ id: variantId, stock: 2 }] }, { headers })
        const { data: dashboard } = await api.get("/producer/dashboard", { headers })
        expect(dashboard.low_stock).toEqual([expect.objectContaining({ variant_id: variantId, available: 2 })])
      })

      it("stars and certification are read-only: 400 naming the field, nothing written", async () => {
        const { data: before } = await api.get(`/producer/products/${productId()}`, { headers })
        for (const field of ["stars", "certification", "ocop"]) {
          const response = await failed(api.post(`/producer/products/${productId()}`, { title: "Đổi tên", [field]: 5 }, { headers }))
          expect(response.status).toBe(400)
          expect(response.data.message).toMatch(new RegExp(`^${field}: .*read-only`))
        }
        const { data: after } = await api.get(`/producer/products/${productId()}`, { headers })
        expect(after.product.title).toBe(before.product.title)
        expect(after.product.certification).toEqual(before.product.certification)
        expect(after.product.certification.read_only).toBe(true)
      })

      it("bad values get 400 naming the field", async () => {
        const variantId = await firstVariantId(getContainer(), productId())
        const cases: [Record<string, unknown>, RegExp][] = [
          [{ variants: [{ id: variantId, price_vnd: 1500.5 }] }, /^variants\.0\.price_vnd: VND/],
          [{ variants: [{ id: variantId, stock: -1 }] }, /^variants\.0\.stock:/],
          [{ status: "archived" }, /^status:/],
          [{ title: "" }, /^title:/],
        ]
        for (const [body, message] of cases) {
          const response = await failed(api.post(`/producer/products/${productId()}`, body, { headers }))
          expect(response.status).toBe(400)
          expect(response.data.message).toMatch(message)
        }
      })
    })

    describe("photos", () => {
      it("a phone photo is stored as AVIF, WebP and JPEG in three widths, without its GPS location, and becomes the thumbnail", async () => {
        const original = await makePhoneJpeg()
        expect(hasGpsIfd((await sharp(original).metadata()).exif)).toBe(true)
        const response = await upload([{ content: original, name: "IMG_0001.jpg", type: "image/jpeg" }])
        expect(response.status).toBe(201)
        const added = response.data.product.images.at(-1)
        expect(response.data.product.thumbnail).toBe(added.url)
        expect(added.renditions.map((r: any) => `${r.format}-${r.width}`).sort()).toEqual(
          ["avif-480", "avif-960", "avif-1600", "jpeg-480", "jpeg-960", "jpeg-1600", "webp-480", "webp-960", "webp-1600"].sort()
        )
        for (const rendition of added.renditions) {
          const meta = await sharp(await readStored(rendition.url)).metadata()
          expect(meta.format).toBe(rendition.format === "avif" ? "heif" : rendition.format)
          expect(meta.width).toBe(rendition.width)
          expect(meta.exif).toBeUndefined()
        }
        // The store shows the new photo.
        const { data: store } = await api.get(`/store/products/${productId()}?fields=thumbnail,images.url`, { headers: storeHeaders })
        expect(store.product.thumbnail).toBe(added.url)
      })

      it("a turned phone photo stays upright once its EXIF is stripped", async () => {
        const response = await upload([{ content: await makeTurnedJpeg(), name: "doc.jpg", type: "image/jpeg" }])
        const jpeg = response.data.product.images.at(-1).renditions.find((r: any) => r.format === "jpeg" && r.width === 900)
        const meta = await sharp(await readStored(jpeg.url)).metadata()
        expect([meta.width, meta.height]).toEqual([900, 1200])
        expect(meta.orientation).toBeUndefined()
      })

      it("deleting a photo takes it off the product and moves the thumbnail", async () => {
        const { data: before } = await api.get(`/producer/products/${productId()}`, { headers })
        const uploaded = await upload([{ content: await makePhoneJpeg(1000, 750), name: "a.jpg", type: "image/jpeg" }])
        const image = uploaded.data.product.images.at(-1)
        const { data } = await api.delete(`/producer/products/${productId()}/images/${image.id}`, { headers })
        expect(data.product.images.map((i: any) => i.id)).not.toContain(image.id)
        expect(data.product.thumbnail).not.toBe(image.url)
        expect(data.product.images).toHaveLength(before.product.images.length)
        await expect(readStored(image.renditions[0].url)).rejects.toThrow()
      })

      it("refuses oversized files, decompression bombs and other formats with 400 naming the problem, storing nothing", async () => {
        const { data: before } = await api.get(`/producer/products/${productId()}`, { headers })
        const big = Buffer.concat([await makePhoneJpeg(400, 300), Buffer.alloc(16 * 1024 * 1024)])
        const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#fff" } })
          .gif()
          .toBuffer()
        const cases: [{ content: Buffer; name: string; type: string }, RegExp][] = [
          [{ content: big, name: "big.jpg", type: "image/jpeg" }, /^file: .*15 MB/],
          [{ content: await makePngBomb(), name: "bomb.png", type: "image/png" }, /^file: .*40 megapixels/],
          [{ content: gif, name: "anim.gif", type: "image/gif" }, /^file: .*format gif not accepted/],
          [{ content: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), name: "x.jpg", type: "image/jpeg" }, /^file: .*(format|readable)/],
          [{ content: Buffer.from("not an image at all"), name: "note.jpg", type: "image/jpeg" }, /^file: .*not a readable image/],
        ]
        for (const [file, message] of cases) {
          const response = await upload([file])
          expect(response.status).toBe(400)
          expect(response.data.message).toMatch(message)
        }
        const { data: after } = await api.get(`/producer/products/${productId()}`, { headers })
        expect(after.product.images).toEqual(before.product.images)
      })
    })

    describe("orders", () => {
      it("a producer sees its order lines, packs them, then ships them with a tracking number; the dashboard counts the sale", async () => {
        const variantId = await firstVariantId(getContainer(), productId())
        const order = await placeOrder(getContainer(), defaults, [variantId])
        const { data } = await api.get("/producer/orders", { headers })
        const mine = data.orders.find((o: any) => o.id === order.id)
        expect(mine.items).toEqual([expect.objectContaining({ variant_id: variantId, quantity: 2 })])
        expect(mine.shipping_address).toMatchObject({ city: "Hà Nội", phone: "0912345678" })

        const packed = await api.post(`/producer/orders/${order.id}/fulfillments`, { status: "packed" }, { headers })
        expect(packed.data.order.shipment).toMatchObject({ status: "packed", tracking_number: null })
        const noTracking = await failed(api.post(`/producer/orders/${order.id}/fulfillments`, { status: "shipped" }, { headers }))
        expect(noTracking.status).toBe(400)
        expect(noTracking.data.message).toMatch(/^tracking_number:/)
        const shipped = await api.post(
          `/producer/orders/${order.id}/fulfillments`,
          { status: "shipped", carrier: "VNPost", tracking_number: "EB123456789VN" },
          { headers }
        )
        expect(shipped.data.order.shipment).toMatchObject({ status: "shipped", carrier: "VNPost", tracking_number: "EB123456789VN" })
        const back = await failed(api.post(`/producer/orders/${order.id}/fulfillments`, { status: "packed" }, { headers }))
        expect(back.status).toBe(400)

        const { data: dashboard } = await api.get("/producer/dashboard", { headers })
        expect(dashboard.sales_last_30_days).toMatchObject({ orders: 1, units: 2, revenue_vnd: 2 * mine.items[0].unit_price })
      })

      it("the dashboard reminds of certificates ending within 90 and 30 days", async () => {
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data } = await query.graph({
          entity: "product",
          fields: ["id", "certifications.id", "certifications.status"],
          filters: { id: producer.product_ids },
        })
        const active = data.flatMap((p: any) => (p.certifications ?? []).filter((c: any) => c.status === "active"))
        const ocop = getContainer().resolve("ocop") as any
        const inDays = (days: number) => new Date(Date.now() + days * 86_400_000)
        await ocop.updateCertifications([
          { id: active[0].id, valid_until: inDays(20) },
          ...(active[1] ? [{ id: active[1].id, valid_until: inDays(75) }] : []),
        ])
        const { data: dashboard } = await api.get("/producer/dashboard", { headers })
        // Read as the portal reads it (@ocop/contracts).
        producerDashboard.parse(dashboard)
        expect(dashboard.certificate_reminders[0]).toMatchObject({ certification_id: active[0].id, reminder: 30 })
        if (active[1]) expect(dashboard.certificate_reminders[1]).toMatchObject({ certification_id: active[1].id, reminder: 90 })
      })
    })
  },
})
