import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { producerMe, producerOrderList } from "@ocop/contracts"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { makePhoneJpeg } from "../../fixtures/photos"
import {
  failed,
  firstVariantId,
  inviteProducerMember,
  listProducersWithProducts,
  loginProducer,
  nextClientAddress,
  signedClientAddress,
  PASSWORD,
  placeOrder,
  registerIdentity,
} from "../../fixtures/producer"
import { PRODUCER_MODULE } from "../../../src/modules/producer"
import type ProducerModuleService from "../../../src/modules/producer/service"

jest.setTimeout(300_000)

type Attempt = { what: string; run: () => Promise<{ status: number; data: unknown }> }

/**
 * Producer isolation: producer A, signed in, tries every /producer route against producer B's products, images and
 * orders. A leak is any attempt that succeeds, any response that carries one of B's ids, or any change to B's data
 * seen afterwards through Query.
 */
runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let defaults: Awaited<ReturnType<typeof seedDemoCatalog>>
    let a: { producer_id: string; product_ids: string[] }
    let b: { producer_id: string; product_ids: string[] }

    beforeAll(async () => {
      defaults = await seedDemoCatalog(getContainer())
      const producers = await listProducersWithProducts(getContainer())
      ;[a, b] = producers
    })

    const photoForm = async () => {
      const form = new FormData()
      form.append("files", new Blob([new Uint8Array(await makePhoneJpeg(800, 600))], { type: "image/jpeg" }), "anh.jpg")
      return form
    }

    /** Everything of B's that A must not change, read straight through Query. */
    const readB = async (orderIds: string[]) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data: products } = await query.graph({
        entity: "product",
        fields: [
          "id",
          "title",
          "description",
          "status",
          "thumbnail",
          "images.id",
          "images.url",
          "variants.id",
          "variants.title",
          "variants.manage_inventory",
          "variants.prices.amount",
          "producer.story",
        ],
        filters: { id: b.product_ids },
      })
      const producers: ProducerModuleService = getContainer().resolve(PRODUCER_MODULE)
      const shipments = await producers.listProducerShipments({ producer_id: b.producer_id, order_id: orderIds })
      const members = await producers.listProducerMembers({ producer_id: b.producer_id })
      const sort = (list: any[]) => [...list].sort((x, y) => String(x.id).localeCompare(String(y.id)))
      return JSON.stringify({
        products: sort(products).map((p: any) => ({ ...p, images: sort(p.images ?? []), variants: sort(p.variants ?? []) })),
        shipments: shipments.map((s) => [s.status, s.tracking_number]),
        members: members.map((m) => [m.id, m.role]),
      })
    }

    it("producer A cannot read, change, publish, upload to or list producer B's products, images and orders", async () => {
      const container = getContainer()
      const adminHeaders = await loginAdmin(api)
      const headersA = await inviteProducerMember(api, adminHeaders, a.producer_id, "a@htx-a.vn")
      const headersB = await inviteProducerMember(api, adminHeaders, b.producer_id, "b@htx-b.vn")

      const bProduct = b.product_ids[0]
      const aProduct = a.product_ids[0]
      const bVariant = await firstVariantId(container, bProduct)
      const aVariant = await firstVariantId(container, aProduct)
      // B has a photo of its own and a tracked stock, so there is something to steal or break.
      await api.post(`/producer/products/${bProduct}/images`, await photoForm(), { headers: headersB })
      await api.post(`/producer/products/${bProduct}`, { variants: [{ id: bVariant, stock: 7 }] }, { headers: headersB })
      const { data: bDetail } = await api.get(`/producer/products/${bProduct}`, { headers: headersB })
      const bImage = bDetail.product.images[0].id

      const mixedOrder = await placeOrder(container, defaults, [aVariant, bVariant])
      const bOnlyOrder = await placeOrder(container, defaults, [bVariant])
      const orderIds = [mixedOrder.id, bOnlyOrder.id]
      const bLineIds = [...(mixedOrder.items ?? []), ...(bOnlyOrder.items ?? [])]
        .filter((item: any) => item.variant_id === bVariant)
        .map((item: any) => item.id)
      const bIds = [...b.product_ids, bVariant, bImage, bOnlyOrder.id, ...bLineIds]

      const before = await readB(orderIds)
      const forA = { headers: headersA }
      const attempts: Attempt[] = [
        { what: "read B's product", run: () => failed(api.get(`/producer/products/${bProduct}`, forA)) },
        { what: "read B's product by handle", run: () => failed(api.get(`/producer/products/${bDetail.product.handle}`, forA)) },
        { what: "rename B's product", run: () => failed(api.post(`/producer/products/${bProduct}`, { title: "Hàng giả" }, forA)) },
        { what: "unpublish B's product", run: () => failed(api.post(`/producer/products/${bProduct}`, { status: "draft" }, forA)) },
        { what: "publish B's product", run: () => failed(api.post(`/producer/products/${bProduct}`, { status: "published" }, forA)) },
        { what: "rewrite B's story", run: () => failed(api.post(`/producer/products/${bProduct}`, { story: "bị chiếm" }, forA)) },
        {
          what: "reprice B's variant through B's product",
          run: () => failed(api.post(`/producer/products/${bProduct}`, { variants: [{ id: bVariant, price_vnd: 1000 }] }, forA)),
        },
        {
          what: "reprice B's variant through A's own product",
          run: () => failed(api.post(`/producer/products/${aProduct}`, { variants: [{ id: bVariant, price_vnd: 1000 }] }, forA)),
        },
        {
          what: "zero B's stock through A's own product",
          run: () => failed(api.post(`/producer/products/${aProduct}`, { variants: [{ id: bVariant, stock: 0 }] }, forA)),
        },
        {
          what: "add a pack size to B's product",
          run: () => failed(api.post(`/producer/products/${bProduct}/variants`, { title: "Gói giả", price_vnd: 1000 }, forA)),
        },
        { what: "upload to B's product", run: async () => failed(api.post(`/producer/products/${bProduct}/images`, await photoForm(), forA)) },
        { what: "delete B's image", run: () => failed(api.delete(`/producer/products/${bProduct}/images/${bImage}`, forA)) },
        {
          what: "delete B's image through A's own product",
          run: () => failed(api.delete(`/producer/products/${aProduct}/images/${bImage}`, forA)),
        },
        { what: "delete B's product", run: () => failed(api.delete(`/producer/products/${bProduct}`, forA)) },
        {
          what: "ship B's order",
          run: () => failed(api.post(`/producer/orders/${bOnlyOrder.id}/fulfillments`, { status: "shipped", tracking_number: "VN1" }, forA)),
        },
        {
          what: "pack B's order",
          run: () => failed(api.post(`/producer/orders/${bOnlyOrder.id}/fulfillments`, { status: "packed" }, forA)),
        },
        { what: "claim B's producer", run: () => failed(api.post("/producer/claims", { producer_id: b.producer_id }, forA)) },
      ]
      // Listing routes answer 200 by design; for them a leak is B's data in the answer.
      const listings: Attempt[] = [
        { what: "list products", run: () => failed(api.get("/producer/products?limit=100", forA)) },
        { what: "list orders", run: () => failed(api.get("/producer/orders?limit=100", forA)) },
        { what: "dashboard", run: () => failed(api.get("/producer/dashboard", forA)) },
        { what: "me", run: () => failed(api.get("/producer/me", forA)) },
        {
          what: "ship own lines of the shared order",
          run: () => failed(api.post(`/producer/orders/${mixedOrder.id}/fulfillments`, { status: "shipped", tracking_number: "VNA1" }, forA)),
        },
      ]

      const leaks: string[] = []
      for (const attempt of attempts) {
        const response = await attempt.run()
        const body = JSON.stringify(response.data ?? "")
        if (![403, 404].includes(response.status)) leaks.push(`${attempt.what}: HTTP ${response.status}`)
        for (const id of bIds) if (body.includes(id) && response.status < 400) leaks.push(`${attempt.what}: answer holds ${id}`)
      }
      for (const listing of listings) {
        const response = await listing.run()
        const body = JSON.stringify(response.data ?? "")
        if (response.status !== 200) leaks.push(`${listing.what}: HTTP ${response.status}`)
        for (const id of bIds) if (body.includes(id)) leaks.push(`${listing.what}: answer holds ${id}`)
      }
      const after = await readB(orderIds)
      if (after !== before) leaks.push("B's data changed")

      const total = attempts.length + listings.length
      console.log(`attempts: ${total}, leaks: ${leaks.length}${leaks.length ? `\n${leaks.join("\n")}` : ""}`)
      expect(leaks).toEqual([])

      // The shared order: A shipped its own line, B's line is still B's to pack.
      const { data: bOrders } = await api.get("/producer/orders", { headers: headersB })
      // Read as the portal reads it (@ocop/contracts).
      producerOrderList.parse(bOrders)
      const shared = bOrders.orders.find((o: any) => o.id === mixedOrder.id)
      expect(shared.items.map((i: any) => i.variant_id)).toEqual([bVariant])
      expect(shared.shipment).toBeNull()
    })

    it("every /producer route refuses calls without a valid producer token with 401", async () => {
      const container = getContainer()
      const adminHeaders = await loginAdmin(api)
      const headersA = await inviteProducerMember(api, adminHeaders, a.producer_id, "a2@htx-a.vn")
      const { data: me } = await api.get("/producer/me", { headers: headersA })
      producerMe.parse(me)
      const { http } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
      const claims = {
        actor_id: me.member.id,
        actor_type: "producer",
        auth_identity_id: "authid_x",
        app_metadata: { producer_id: me.member.id },
      }
      const expired = jwt.sign(
        { ...claims, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 },
        http.jwtSecret as string
      )
      const forged = jwt.sign(claims, "not-the-server-secret", { expiresIn: "1h" })
      const customer = jwt.sign({ ...claims, actor_type: "customer" }, http.jwtSecret as string, { expiresIn: "1h" })
      const unsigned = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.`
      const admin = adminHeaders.authorization

      const id = a.product_ids[0]
      const routes: [string, string][] = [
        ["get", "/producer/me"],
        ["post", "/producer/members"],
        ["post", "/producer/invites/accept"],
        ["post", "/producer/claims"],
        ["get", "/producer/products"],
        ["get", `/producer/products/${id}`],
        ["post", `/producer/products/${id}`],
        ["post", `/producer/products/${id}/images`],
        ["delete", `/producer/products/${id}/images/img_x`],
        ["get", "/producer/orders"],
        ["post", "/producer/orders/order_x/fulfillments"],
        ["get", "/producer/dashboard"],
      ]
      const credentials: [string, Record<string, string>][] = [
        ["none", {}],
        ["expired", { authorization: `Bearer ${expired}` }],
        ["forged", { authorization: `Bearer ${forged}` }],
        ["unsigned", { authorization: `Bearer ${unsigned}` }],
        ["customer token", { authorization: `Bearer ${customer}` }],
        ["admin token", { authorization: admin }],
      ]
      const wrong: string[] = []
      for (const [method, url] of routes) {
        for (const [kind, headers] of credentials) {
          const response =
            method === "get" || method === "delete"
              ? await failed((api as any)[method](url, { headers }))
              : await failed((api as any)[method](url, { title: "x", name: "x", token: "x" }, { headers }))
          if (response.status !== 401) wrong.push(`${method.toUpperCase()} ${url} with ${kind}: ${response.status}`)
        }
      }
      // Authentication runs before the upload is read: an anonymous 16 MB upload gets 401, not "file too large".
      const form = new FormData()
      form.append("files", new Blob([new Uint8Array(16 * 1024 * 1024)], { type: "image/jpeg" }), "big.jpg")
      const anonymousUpload = await failed(api.post(`/producer/products/${id}/images`, form))
      if (anonymousUpload.status !== 401) wrong.push(`anonymous 16 MB upload: ${anonymousUpload.status}`)

      // A registration token (no member yet) opens only the two routes that create the member.
      const registration = await registerIdentity(api, "chua.la.thanh.vien@example.vn")
      for (const [method, url] of routes.filter(([, url]) => !["/producer/members", "/producer/invites/accept"].includes(url))) {
        const response =
          method === "get" || method === "delete"
            ? await failed((api as any)[method](url, { headers: registration }))
            : await failed((api as any)[method](url, { title: "x" }, { headers: registration }))
        if (response.status !== 401) wrong.push(`${method.toUpperCase()} ${url} with a registration token: ${response.status}`)
      }
      expect(wrong).toEqual([])
    })

    it("limits sign-in to 10 attempts a minute per address: the 11th gets 429, another address still signs in", async () => {
      await registerIdentity(api, "doan.mat.khau@example.vn")
      const attacker = signedClientAddress(nextClientAddress())
      const statuses: number[] = []
      for (let i = 0; i < 11; i++) {
        const response = await failed(
          api.post("/auth/producer/emailpass", { email: "doan.mat.khau@example.vn", password: `sai-${i}` }, { headers: attacker })
        )
        statuses.push(response.status)
      }
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true)
      expect(statuses[10]).toBe(429)
      const blocked = await failed(
        api.post("/auth/producer/emailpass", { email: "doan.mat.khau@example.vn", password: PASSWORD }, { headers: attacker })
      )
      expect(blocked.status).toBe(429)
      expect(blocked.data.message).toMatch(/too many/)
      const other = await loginProducer(api, "doan.mat.khau@example.vn")
      expect(other.authorization).toMatch(/^Bearer /)
    })
  },
})
