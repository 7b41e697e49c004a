import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { attempt, createAttackTally, type AttackResponse } from "../../fixtures/attack-tally"
import { asNextPerson } from "../../fixtures/client-address"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { inviteProducerMember, listProducersWithProducts } from "../../fixtures/producer"

jest.setTimeout(300_000)

const tally = createAttackTally("cross-site-writes")
const EVIL = "https://cho-ocop-khuyen-mai.example"
// The local defaults of VENDOR_CORS, STORE_CORS and ADMIN_CORS / AUTH_CORS (medusa-config.ts, producer/cors.ts).
const SHOP = "http://localhost:8000"
const ADMIN_APP = "http://localhost:9000"

/**
 * Cross-site request forgery: another site makes a signed-in person's browser post to us with the session cookie.
 * Every cookie-authenticated write must come from an allowed origin; bearer tokens are not affected.
 */
runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let producer: { producer_id: string; product_ids: string[] }
    let producerBearer: Record<string, string>
    let adminBearer: Record<string, string>

    /** Trades a bearer token for the session cookie, as the admin dashboard does (POST /auth/session). */
    const sessionCookie = async (bearer: Record<string, string>) => {
      const response = await api.post("/auth/session", {}, { headers: bearer })
      const cookie = (response.headers["set-cookie"] as string[]).find((c) => c.startsWith("connect.sid="))!
      return cookie.split(";")[0]
    }
    const readTitle = async (id: string) => {
      const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "product", fields: ["title"], filters: { id } })
      return (data[0] as { title: string }).title
    }
    /** A forged write must be refused with 403 and change nothing. */
    const expectForgedRefused = async (what: string, response: AttackResponse, changed: () => Promise<boolean>) => {
      const leak = response.status !== 403 ? `answered ${response.status}` : (await changed()) && "the write happened"
      tally.record(what, response, leak)
      expect(response.status).toBe(403)
      expect(response.data).toMatchObject({ message: expect.stringMatching(/^origin:/) })
    }

    beforeAll(async () => {
      const defaults = await seedDemoCatalog(getContainer())
      publishableKey = defaults.publishableKey
      producer = (await listProducersWithProducts(getContainer()))[0]
      adminBearer = await loginAdmin(api)
      producerBearer = await inviteProducerMember(api, adminBearer, producer.producer_id, "chong.gia.mao@example.vn")
    })

    afterAll(() => {
      tally.report()
      expect(tally.leaks).toEqual([])
      expect(tally.serverErrors).toEqual([])
    })

    it("/producer: a cookie write from another site, from a Referer elsewhere or from nowhere is refused; the shop's origin and bearer pass", async () => {
      const cookie = await sessionCookie(producerBearer)
      const productId = producer.product_ids[0]
      const edit = (title: string, headers: Record<string, string>) =>
        attempt(() => api.post(`/producer/products/${productId}`, { title }, { headers }))
      const became = (title: string) => async () => (await readTitle(productId)) === title

      await expectForgedRefused(
        "producer write, cookie + evil Origin",
        await edit("Bị đổi từ trang lạ", { cookie, origin: EVIL }),
        became("Bị đổi từ trang lạ")
      )
      await expectForgedRefused(
        "producer write, cookie + evil Referer",
        await edit("Bị đổi qua Referer", { cookie, referer: `${EVIL}/khuyen-mai` }),
        became("Bị đổi qua Referer")
      )
      await expectForgedRefused("producer write, cookie + no Origin", await edit("Bị đổi không nguồn", { cookie }), became("Bị đổi không nguồn"))
      await expectForgedRefused(
        "producer write, cookie + null Origin",
        await edit("Bị đổi từ sandbox", { cookie, origin: "null" }),
        became("Bị đổi từ sandbox")
      )

      const fromShop = await edit("Mật ong bạc hà (cookie)", { cookie, origin: SHOP })
      expect(fromShop.status).toBe(200)
      expect(await readTitle(productId)).toBe("Mật ong bạc hà (cookie)")
      const withBearer = await edit("Mật ong bạc hà (bearer)", producerBearer)
      expect(withBearer.status).toBe(200)
      expect(await readTitle(productId)).toBe("Mật ong bạc hà (bearer)")
    })

    it("/store: a buyer's cookie cannot change their account from another site", async () => {
      const store = { "x-publishable-api-key": publishableKey }
      const email = "nguoi.mua.csrf@example.vn"
      const { data: registered } = await api.post(
        "/auth/customer/emailpass/register",
        { email, password: "mat-khau-nguoi-mua" },
        { headers: asNextPerson() }
      )
      await api.post("/store/customers", { email, first_name: "Lan" }, { headers: { ...store, authorization: `Bearer ${registered.token}` } })
      const { data: login } = await api.post("/auth/customer/emailpass", { email, password: "mat-khau-nguoi-mua" }, { headers: asNextPerson() })
      const bearer = { ...store, authorization: `Bearer ${login.token}` }
      const cookie = await sessionCookie({ authorization: bearer.authorization })
      const readName = async () => (await api.get("/store/customers/me", { headers: bearer })).data.customer.first_name

      const forged = await attempt(() => api.post("/store/customers/me", { first_name: "Kẻ gian" }, { headers: { ...store, cookie, origin: EVIL } }))
      await expectForgedRefused("store write, cookie + evil Origin", forged, async () => (await readName()) === "Kẻ gian")
      const own = await attempt(() => api.post("/store/customers/me", { first_name: "Lan Anh" }, { headers: { ...store, cookie, origin: SHOP } }))
      expect(own.status).toBe(200)
      expect(await readName()).toBe("Lan Anh")
    })

    it("/admin and /auth: the operator's cookie works only from the admin's origin", async () => {
      const cookie = await sessionCookie(adminBearer)
      const productId = producer.product_ids[1]
      const forged = await attempt(() =>
        api.post(`/admin/products/${productId}`, { title: "Sản phẩm bị đổi" }, { headers: { cookie, origin: EVIL } })
      )
      await expectForgedRefused("admin write, cookie + evil Origin", forged, async () => (await readTitle(productId)) === "Sản phẩm bị đổi")
      const own = await attempt(() =>
        api.post(`/admin/products/${productId}`, { title: "Sản phẩm của quản trị" }, { headers: { cookie, origin: ADMIN_APP } })
      )
      expect(own.status).toBe(200)
      expect(await readTitle(productId)).toBe("Sản phẩm của quản trị")

      // Signing the operator out from another site is refused too; from the admin it works.
      const stillSignedIn = async () => (await attempt(() => api.get("/admin/users/me", { headers: { cookie } }))).status === 200
      const forgedLogout = await attempt(() => api.delete("/auth/session", { headers: { cookie, origin: EVIL } }))
      await expectForgedRefused("auth session delete, cookie + evil Origin", forgedLogout, async () => !(await stillSignedIn()))
      expect(await stillSignedIn()).toBe(true)
      const logout = await attempt(() => api.delete("/auth/session", { headers: { cookie, origin: ADMIN_APP } }))
      expect(logout.status).toBe(200)
    })
  },
})
