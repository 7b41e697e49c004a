import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { curatorDashboard } from "@ocop/contracts"
import { communes, getCommune, getProvince, resolveCommune } from "@ocop/domain/places"
import { inviteCurator, listProvinceCertificates } from "../../fixtures/curator"
import { demoHandle, demoProducts, loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { failed, inviteProducerMember } from "../../fixtures/producer"
import { todayInVietnam } from "../../../src/modules/ocop/dates"
import { BUYER_ADDRESS as ADDRESS } from "../../fixtures/buyer-address"

// Generous: the shared 2-core machine runs several suites at once.
jest.setTimeout(600_000)

/**
 * The dashboard's newer figures on known data in Vĩnh Long (86): its five demo products (priced, no commune, no
 * decision date) plus thirteen imported showcase products spread over ten communes of known codes.
 */
runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    it("counts products by current commune, on sale vs showcase, women-/ethnic-minority-led shares and 30-day sales", async () => {
      const defaults = await seedDemoCatalog(getContainer())
      const store = { "x-publishable-api-key": defaults.publishableKey }
      const admin = await loginAdmin(api)
      const curator = await inviteCurator(api, admin, "ocop@vinhlong.gov.vn", { province_codes: ["86"] })

      // 3 products in the first commune, 2 in the second, 1 in each of eight more: the chart names eight, sums two.
      const province = getProvince("86")!
      const places = communes.filter((c) => c.provinceCode === "86").slice(0, 10)
      const perCommune = [3, 2, 1, 1, 1, 1, 1, 1, 1, 1]
      const records = places.flatMap((commune, i) =>
        Array.from({ length: perCommune[i] }, (_, k) => ({
          product_name: `Sản phẩm thử ${i}-${k}`,
          producer_name: `HTX Thử nghiệm ${i}`,
          stars: 3,
          potential_five_star: false,
          score: null,
          province_as_listed: "Vĩnh Long",
          // The pre-2025 district stays as history; the count follows the current commune code.
          district_as_listed: "Huyện Cũ",
          commune_as_listed: commune.shortName,
          province_code_2025: "86",
          province_name_2025: province.name,
          decision_number: null,
          decision_date: null,
          source_row: i * 10 + k + 1,
          producer_type: "cooperative",
          commune_code_2025: commune.code,
          product_group_code: "I.1",
          valid_until: null,
          address_as_listed: null,
          // The list's "Nữ làm chủ" / "DTTS" columns: the first producer ticks both, the second says "no" to one.
          ...(i === 0 ? { women_led: true, ethnic_minority_led: true } : i === 1 ? { women_led: false } : {}),
        }))
      )
      const { data: imported } = await api.post("/admin/ocop/imports", { records, file_name: "thu.csv" }, { headers: admin })
      expect(imported).toMatchObject({ created: 13, rejected: 0 })

      // Two demo producers answer for themselves in the portal.
      const demoCerts = await listProvinceCertificates(getContainer(), "86")
      const producerOf = (title: string) => demoCerts.find((c) => c.product.title === title)!.product.producer.id
      const thongHoa = await inviteProducerMember(api, admin, producerOf("Cam sành"), "thonghoa@example.vn")
      const thachSu = await inviteProducerMember(api, admin, producerOf("Thủ công mỹ nghệ Thạch Su"), "thachsu@example.vn")
      const { data: saved } = await api.post("/producer/producer", { women_led: true, ethnic_minority_led: false }, { headers: thongHoa })
      expect(saved.producer).toMatchObject({ women_led: true, ethnic_minority_led: false })
      await api.post("/producer/producer", { women_led: false }, { headers: thachSu })
      const bad = await failed(api.post("/producer/producer", { women_led: "có" }, { headers: thachSu }))
      expect(bad.status).toBe(400)
      expect(bad.data.message).toMatch(/^women_led:/)

      // A buyer orders 2 × Cam sành (Vĩnh Long) and 1 × a Thái Nguyên product in one cart.
      const camSanh = demoProducts.find((r) => r.product_name === "Cam sành")!
      const elsewhere = demoProducts.find((r) => r.province_code_2025 !== "86")!
      const variantOf = async (record: (typeof demoProducts)[number]) =>
        (await api.get(`/store/products?handle=${demoHandle(record)}&fields=id,variants.id`, { headers: store })).data.products[0].variants[0].id
      const { data: created } = await api.post("/store/carts", { region_id: defaults.regionId, email: "lan@example.vn" }, { headers: store })
      const cartId = created.cart.id
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: await variantOf(camSanh), quantity: 2 }, { headers: store })
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: await variantOf(elsewhere), quantity: 1 }, { headers: store })
      await api.post(`/store/carts/${cartId}`, { shipping_address: ADDRESS, billing_address: ADDRESS }, { headers: store })
      const { data: options } = await api.get(`/store/shipping-options?cart_id=${cartId}`, { headers: store })
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: options.shipping_options[0].id }, { headers: store })
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers: store })
      await api.post(
        `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        { headers: store }
      )
      const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers: store })
      expect(completed.type).toBe("order")

      // The curator hides one demo listing: it is neither on sale nor a showcase any more.
      const hidden = demoCerts.find((c) => c.product.title === "Thủ công mỹ nghệ Thạch Su")!
      await api.post(`/curator/products/${hidden.product.id}/visibility`, { hidden: true, reason: "Ảnh sai sản phẩm" }, { headers: curator })

      const { data } = await api.get("/curator/dashboard", { headers: curator })
      // Read as the console reads it (@ocop/contracts).
      curatorDashboard.parse(data)
      const d = data.dashboard
      expect(d.products).toMatchObject({ total: 18, certified: 18 })
      // Expected from the sources: the imported rows' codes plus the demo rows' communes as the demo loader resolves them.
      const counts = new Map<string, number>()
      for (const r of records) counts.set(r.commune_code_2025, (counts.get(r.commune_code_2025) ?? 0) + 1)
      let unknown = 0
      for (const r of demoProducts.filter((p) => p.province_code_2025 === "86")) {
        const code = r.commune_as_listed ? resolveCommune("86", r.commune_as_listed, r.district_as_listed)?.code : undefined
        if (code) counts.set(code, (counts.get(code) ?? 0) + 1)
        else unknown++
      }
      const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      expect(d.products.by_commune).toEqual({
        top: ranked.slice(0, 8).map(([code, products]) => ({ code, name: getCommune(code)!.name, products })),
        other: ranked.slice(8).reduce((sum, [, n]) => sum + n, 0),
        other_communes: ranked.length - 8,
        unknown,
      })
      expect(d.products.by_commune.top[0]).toEqual({ code: places[0].code, name: places[0].name, products: 3 })
      expect(d.products.listings).toEqual({ on_sale: 4, showcase: 13, unpublished: 1 })
      // 4 demo producers + 10 imported: two answered in the portal, two through the list; the rest never said.
      expect(d.producers).toEqual({
        women_led: { yes: 2, no: 2, unknown: 10 },
        ethnic_minority_led: { yes: 1, no: 1, unknown: 12 },
      })
      const today = todayInVietnam()
      expect(d.sales_30_days).toMatchObject({ orders: 1, total_vnd: camSanh.price_vnd * 2 })
      expect(d.sales_30_days.by_day).toHaveLength(30)
      expect(d.sales_30_days.by_day.at(-1)).toEqual({ date: today, orders: 1, total_vnd: camSanh.price_vnd * 2 })
      expect(d.sales_30_days.by_day.slice(0, -1).every((day: any) => day.orders === 0 && day.total_vnd === 0)).toBe(true)

      // Another province's curator sees none of Vĩnh Long's sale, and the Thái Nguyên line only.
      const thaiNguyen = await inviteCurator(api, admin, "ocop@thainguyen.gov.vn", { province_codes: [elsewhere.province_code_2025] })
      const { data: other } = await api.get("/curator/dashboard", { headers: thaiNguyen })
      expect(other.dashboard.sales_30_days).toMatchObject({ orders: 1, total_vnd: elsewhere.price_vnd })
    })
  },
})
