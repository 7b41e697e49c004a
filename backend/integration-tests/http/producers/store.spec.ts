import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { demoHandle, demoProducts, seedDemoCatalog } from "../../fixtures/demo-catalog"

jest.setTimeout(300_000)

runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>

    beforeAll(async () => {
      const defaults = await seedDemoCatalog(getContainer())
      headers = { "x-publishable-api-key": defaults.publishableKey }
    })

    it("shows a producer's public card with its story as sanitised HTML", async () => {
      const record = demoProducts.find((r) => r.producer_name === "Hợp tác xã chè Hảo Đạt")!
      const { data: product } = await api.get(`/store/ocop/products/${demoHandle(record)}`, { headers })
      const { data } = await api.get(`/store/producers/${product.product.producer.handle}`, { headers })
      expect(data.producer).toMatchObject({
        name: "Hợp tác xã chè Hảo Đạt",
        type: "cooperative",
        province: { code: record.province_code_2025 },
      })
      expect(data.producer.story_html).toContain("<strong>Hợp tác xã chè Hảo Đạt</strong>")
    })

    it("answers 404 naming the handle that does not exist", async () => {
      const error = await api.get("/store/producers/khong-co", { headers }).catch((e) => e.response)
      expect(error.status).toBe(404)
      expect(error.data.message).toContain("khong-co")
    })
  },
})
