import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { parseConfig, REQUIRED_SECRETS } from "../../../src/lib/config"

jest.setTimeout(300_000)

runMedusaSuite({
  testSuite: ({ api }) => {
    it("readiness answers 200 naming the database check when PostgreSQL answers (no Redis configured here)", async () => {
      const response = await api.get("/health/ready")
      expect(response.status).toBe(200)
      expect(response.data).toEqual({ status: "ready", checks: { database: "ok" } })
    })
  },
})

describe("scale-out configuration", () => {
  const complete = Object.fromEntries(REQUIRED_SECRETS.map((name) => [name, "a".repeat(64)]))

  it("MEDUSA_WORKER_MODE is shared by default and refused, by name, when it is not a Medusa role", () => {
    expect(parseConfig(complete).workerMode).toBe("shared")
    expect(parseConfig({ ...complete, MEDUSA_WORKER_MODE: "worker" }).workerMode).toBe("worker")
    expect(() => parseConfig({ ...complete, MEDUSA_WORKER_MODE: "servers" })).toThrow(/- MEDUSA_WORKER_MODE: shared \| server \| worker/)
  })

  it("revalidation goes to every shop listed, else to the one shop, else nowhere", () => {
    expect(parseConfig({ ...complete, OCOP_STOREFRONT_REVALIDATE_URLS: "http://127.0.0.1:8001/, http://127.0.0.1:8002" }).revalidateUrls).toEqual([
      "http://127.0.0.1:8001",
      "http://127.0.0.1:8002",
    ])
    expect(parseConfig({ ...complete, OCOP_STOREFRONT_URL: "http://shop.example" }).revalidateUrls).toEqual(["http://shop.example"])
    expect(parseConfig({ ...complete, OCOP_STOREFRONT_URL: "" }).revalidateUrls).toEqual([])
    expect(() => parseConfig({ ...complete, OCOP_STOREFRONT_REVALIDATE_URLS: "http://127.0.0.1:8001,127.0.0.1:8002" })).toThrow(
      /- OCOP_STOREFRONT_REVALIDATE_URLS: không phải URL/
    )
  })
})
