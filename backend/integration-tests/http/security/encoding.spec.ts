import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { attempt, createAttackTally } from "../../fixtures/attack-tally"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { nextClientAddress, registerIdentity } from "../../fixtures/producer"

jest.setTimeout(300_000)

// A NUL byte (PostgreSQL text cannot hold it) and percent-encodings that do not decode to UTF-8.
const NUL_SEGMENTS = ["%00", "abc%00def"]
const MALFORMED_SEGMENTS = ["%E0%A4%A", "%", "%ZZ", "%C0%AF", "%FF%FE"]
const BAD_SEGMENTS = [...NUL_SEGMENTS, ...MALFORMED_SEGMENTS]

type Actor = "store" | "admin" | "producer"
type Route = { method: "get" | "post" | "delete"; path: string; actor: Actor }

// Every project route with a path parameter ({P}), plus Medusa's own cart and product routes for comparison.
const PATH_ROUTES: Route[] = [
  { method: "get", path: "/store/ocop/products/{P}", actor: "store" },
  { method: "get", path: "/store/certifications/{P}", actor: "store" },
  { method: "get", path: "/store/producers/{P}", actor: "store" },
  { method: "get", path: "/store/provinces/{P}/communes", actor: "store" },
  { method: "get", path: "/store/products/{P}", actor: "store" },
  { method: "get", path: "/store/carts/{P}", actor: "store" },
  { method: "post", path: "/store/carts/{P}/line-items", actor: "store" },
  { method: "post", path: "/admin/ocop/certifications/{P}", actor: "admin" },
  { method: "get", path: "/admin/products/{P}/ocop", actor: "admin" },
  { method: "post", path: "/admin/products/{P}/ocop/producer", actor: "admin" },
  { method: "post", path: "/admin/producer-claims/{P}/approve", actor: "admin" },
  { method: "post", path: "/admin/producers/{P}/invites", actor: "admin" },
  { method: "get", path: "/producer/products/{P}", actor: "producer" },
  { method: "delete", path: "/producer/products/{P}/images/{P}", actor: "producer" },
  { method: "post", path: "/producer/orders/{P}/fulfillments", actor: "producer" },
]

// Query parameters that reach a search, a filter or an id lookup.
const QUERY_ROUTES: { path: string; param: string; actor: Actor }[] = [
  { path: "/store/ocop/products", param: "q", actor: "store" },
  { path: "/store/ocop/products", param: "producer_id", actor: "store" },
  { path: "/store/ocop/products", param: "region_id", actor: "store" },
  { path: "/store/ocop/products", param: "province", actor: "store" },
  { path: "/store/ocop/search", param: "q", actor: "store" },
  { path: "/store/ocop/search", param: "province", actor: "store" },
  { path: "/store/ocop/search/suggest", param: "q", actor: "store" },
  { path: "/store/provinces", param: "q", actor: "store" },
  { path: "/store/product-groups", param: "q", actor: "store" },
  { path: "/store/products", param: "q", actor: "store" },
  { path: "/admin/ocop/certifications", param: "province", actor: "admin" },
  { path: "/admin/producer-claims", param: "status", actor: "admin" },
  { path: "/producer/orders", param: "limit", actor: "producer" },
]

runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    const tally = createAttackTally("encoding")
    const headers = {} as Record<Actor, Record<string, string>>

    beforeAll(async () => {
      const defaults = await seedDemoCatalog(getContainer())
      headers.store = { "x-publishable-api-key": defaults.publishableKey }
      headers.admin = await loginAdmin(api)
      // A registration token passes /producer's authentication; the input check runs before any member lookup.
      headers.producer = await registerIdentity(api, "ma-hoa@example.vn")
    })

    afterAll(() => {
      tally.report()
      expect(tally.leaks).toEqual([])
      expect(tally.serverErrors).toEqual([])
    })

    const send = (route: Route, url: string, body?: unknown) =>
      attempt(() =>
        route.method === "get" || route.method === "delete"
          ? api[route.method](url, { headers: headers[route.actor] })
          : api.post(url, body ?? {}, { headers: headers[route.actor] })
      )

    it("a NUL byte or a malformed percent-encoding in a path parameter is a 400 naming the path, never a 5xx", async () => {
      const answers: string[] = []
      for (const route of PATH_ROUTES) {
        for (const segment of BAD_SEGMENTS) {
          const url = route.path.replaceAll("{P}", segment)
          const answer = await send(route, url)
          const message = String((answer.data as any)?.message ?? "")
          tally.record(`${route.method.toUpperCase()} ${url}`, answer, answer.status !== 400 && `HTTP ${answer.status}`)
          answers.push(`${route.method} ${url} → ${answer.status} ${message.split(":")[0]}`)
        }
      }
      expect(answers).toHaveLength(PATH_ROUTES.length * BAD_SEGMENTS.length)
      expect(answers.filter((a) => !a.endsWith("→ 400 path"))).toEqual([])
    })

    it("a NUL byte in a query parameter is a 400 naming the parameter; a malformed one is never a 5xx", async () => {
      const nul: string[] = []
      for (const { path, param, actor } of QUERY_ROUTES) {
        const route: Route = { method: "get", path, actor }
        const url = `${path}?${param}=ca%00phe`
        const answer = await send(route, url)
        tally.record(`GET ${url}`, answer, answer.status !== 400 && `HTTP ${answer.status}`)
        nul.push(`${url} → ${answer.status} ${String((answer.data as any)?.message ?? "").split(":")[0]}`)

        for (const value of MALFORMED_SEGMENTS) {
          const malformed = `${path}?${param}=${value}`
          tally.record(`GET ${malformed}`, await send(route, malformed))
        }
      }
      expect(nul).toEqual(QUERY_ROUTES.map(({ path, param }) => `${path}?${param}=ca%00phe → 400 ${param}`))
    })

    it("a NUL byte in a JSON body is a 400 naming the field", async () => {
      const cases: [Route, unknown, string][] = [
        [{ method: "post", path: "/store/carts", actor: "store" }, { email: "lan\u0000@example.vn" }, "email"],
        [{ method: "post", path: "/admin/producers/prod_x/invites", actor: "admin" }, { email: "a\u0000@example.vn" }, "email"],
        [{ method: "post", path: "/producer/me", actor: "producer" }, { name: "Cơ sở\u0000" }, "name"],
        [{ method: "post", path: "/producer/products/prod_x", actor: "producer" }, { variants: [{ id: "v", title: "x\u0000" }] }, "variants.0.title"],
      ]
      for (const [route, body, field] of cases) {
        const answer = await send(route, route.path, body)
        tally.record(`POST ${route.path} with a NUL in ${field}`, answer, answer.status !== 400 && `HTTP ${answer.status}`)
        expect([route.path, answer.status, String((answer.data as any)?.message).split(":")[0]]).toEqual([route.path, 400, field])
      }
      const login = await attempt(() =>
        api.post("/auth/producer/emailpass", { email: "x\u0000@example.vn", password: "x" }, { headers: { "x-forwarded-for": nextClientAddress() } })
      )
      tally.record("sign in with a NUL in the email", login, login.status !== 400 && `HTTP ${login.status}`)
      expect(login.status).toBe(400)
    })

    it("% and _ in q are literal characters, not wildcards that match every product", async () => {
      const list = async (q?: string) =>
        (await api.get(`/store/ocop/products${q === undefined ? "" : `?q=${encodeURIComponent(q)}`}`, { headers: headers.store })).data as {
          products: { title: string }[]
          count: number
        }
      const all = await list()
      expect(all.count).toBeGreaterThan(1)
      for (const wildcard of ["%", "_", "%%", "_%_"]) {
        const found = await list(wildcard)
        tally.record(`q=${wildcard}`, { status: 200 }, found.count > 0 && `matched ${found.count} products`)
        expect([wildcard, found.count]).toEqual([wildcard, 0])
      }
      // Real text still finds the product that holds it, and not the whole catalogue.
      const title = all.products[0].title
      const found = await list(title)
      expect(found.products.map((p) => p.title)).toContain(title)
      expect(found.count).toBeLessThan(all.count)
    })

    it("an error does not echo a 10,000-character input", async () => {
      // ASCII, so the URL stays under Node's 16 KB header limit.
      const long = "x".repeat(10_000)
      const answer = await attempt(() => api.get(`/store/ocop/products?province=${encodeURIComponent(long)}`, { headers: headers.store }))
      const message = String((answer.data as any)?.message)
      tally.record("province of 10,000 characters", answer, message.length > 600 && `echoed ${message.length} characters`)
      expect(answer.status).toBe(400)
      expect(message).toMatch(/^province: /)
      expect(message.length).toBeLessThanOrEqual(600)
      expect(message).not.toContain("x".repeat(100))
    })
  },
})
