import { runMedusaSuite } from "../../fixtures/medusa-suite"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import vnpay from "../../../src/modules/payment-vnpay/library"
import { parseConfig } from "../../../src/lib/config"
import { REQUIRED_SECRETS } from "../../fixtures/required-secrets"
import { loginAdmin } from "../../fixtures/demo-catalog"
import { completeCart, createCart, openDemoShop, prepareCheckout } from "../../fixtures/checkout"
import { configureVnpay, signedVnpayQuery, VNPAY_TEST_HOST, VNPAY_TMN_CODE, vnpayIpnParams, vnpaySecureHash } from "../../fixtures/vnpay"

// Starting the app (migrations of every module) alone took over 4 minutes on the shared, loaded test machine.
jest.setTimeout(600_000)

// Before the app starts: medusa-config.ts registers the provider only when these are set.
const SECRET = configureVnpay()

runMedusaSuite({
  dbName: `vnpay_http_${process.pid}`,
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let headers: Record<string, string>
    let regionId: string
    let stockLocationId: string
    let variantId: string
    let admin: Record<string, string>

    beforeAll(async () => {
      container = getContainer()
      ;({ headers, regionId, stockLocationId, variantId } = await openDemoShop(container))
    })

    beforeEach(async () => {
      admin = await loginAdmin(api)
    })

    /** A buyer's checkout paid by VNPay, as the shop does it: the order is placed, the buyer is sent to VNPay. */
    async function placeVnpayOrder(quantity = 1) {
      const cartId = await createCart(api, headers, { regionId, email: "lan@example.vn", lines: [[variantId, quantity]] })
      await prepareCheckout(api, headers, cartId, { providerId: "pp_vnpay_vnpay", data: { ip_address: "203.113.152.10", locale: "vn" } })
      const placed = await completeCart(api, headers, cartId)
      const { data } = await api.get(`/store/orders/${placed.id}?fields=id,total,*payment_collections.payment_sessions`, { headers })
      const session = data.order.payment_collections[0].payment_sessions[0]
      const paymentUrl = new URL(session.data.payment_url as string)
      return { order: data.order, session, paymentUrl, txnRef: paymentUrl.searchParams.get("vnp_TxnRef") as string }
    }

    async function orderState(orderId: string) {
      const { data } = await api.get(`/admin/orders/${orderId}?fields=id,status,payment_status,payment_collections.payments.captures.amount`, {
        headers: admin,
      })
      const captures = data.order.payment_collections.flatMap((c: any) => (c.payments ?? []).flatMap((p: any) => p.captures ?? []))
      return { status: data.order.status, payment_status: data.order.payment_status, captured: captures.map((c: any) => Number(c.amount)) }
    }

    const callIpn = async (query: string) => {
      const response = await api.get(`/hooks/vnpay/ipn?${query}`, { validateStatus: () => true })
      expect(response.status).toBe(200) // VNPay reads the RspCode of a 200 answer, whatever happened
      return response.data as { RspCode: string; Message: string }
    }

    it("offers VNPay at checkout with a signed payment address for the total × 100; the signed IPN pays the order once", async () => {
      const { data: providers } = await api.get(`/store/payment-providers?region_id=${regionId}`, { headers })
      expect(providers.payment_providers.map((p: any) => p.id).sort()).toEqual(["pp_system_default", "pp_vnpay_vnpay"])

      const { order, session, paymentUrl, txnRef } = await placeVnpayOrder(2)
      expect(session.status).toBe("pending_authorization")
      expect(`${paymentUrl.origin}${paymentUrl.pathname}`).toBe(`${VNPAY_TEST_HOST}/paymentv2/vpcpay.html`)
      const params = Object.fromEntries(paymentUrl.searchParams) as Record<string, string>
      expect(order.total).toBeGreaterThan(0)
      expect(params.vnp_Amount).toBe(String(order.total * 100)) // VNPay's unit; the order itself stays in đồng
      expect(params.vnp_CurrCode).toBe("VND")
      expect(params.vnp_TmnCode).toBe(VNPAY_TMN_CODE)
      expect(params.vnp_Command).toBe("pay")
      expect(params.vnp_Version).toBe("2.1.0")
      expect(params.vnp_IpAddr).toBe("203.113.152.10")
      expect(params.vnp_ReturnUrl).toBe("http://localhost:8210/checkout/vnpay-return")
      expect(`payses_${txnRef}`).toBe(session.id)
      expect(params.vnp_OrderInfo).toMatch(/^[A-Za-z0-9 ]+$/) // VNPay refuses diacritics and punctuation here
      expect(params.vnp_OrderInfo).toContain(txnRef)
      expect(params.vnp_CreateDate).toMatch(/^\d{14}$/)
      expect(Number(params.vnp_ExpireDate)).toBeGreaterThan(Number(params.vnp_CreateDate))
      // The signature checks out with the library and with the documented algorithm computed here.
      expect(params.vnp_SecureHash).toMatch(/^[0-9a-f]{128}$/)
      expect(vnpaySecureHash(SECRET, params)).toBe(params.vnp_SecureHash)
      const library = new vnpay.VNPay({ tmnCode: VNPAY_TMN_CODE, secureSecret: SECRET, hashAlgorithm: vnpay.HashAlgorithm.SHA512, enableLog: false })
      expect(library.verifyReturnUrl(params as never).isVerified).toBe(true)
      expect(
        new vnpay.VNPay({ tmnCode: VNPAY_TMN_CODE, secureSecret: "X".repeat(32), enableLog: false }).verifyReturnUrl(params as never).isVerified
      ).toBe(false)
      expect(await orderState(order.id)).toMatchObject({ status: "pending", payment_status: "awaiting", captured: [] })

      // The buyer comes back before the IPN: the signed return names the order, which still waits.
      const returned = signedVnpayQuery(SECRET, vnpayIpnParams({ txnRef, amountVnd: order.total }))
      const { data: back } = await api.get(`/store/vnpay/return?${returned}`, { headers })
      expect(back).toEqual({ verified: true, order_id: order.id })
      expect((await orderState(order.id)).payment_status).toBe("awaiting") // the return page never pays
      const forgedBack = await api.get(`/store/vnpay/return?${returned.replace(/vnp_SecureHash=[0-9a-f]+/, `vnp_SecureHash=${"0".repeat(128)}`)}`, {
        headers,
      })
      expect(forgedBack.data).toEqual({ verified: false, order_id: null })

      const ipn = signedVnpayQuery(SECRET, vnpayIpnParams({ txnRef, amountVnd: order.total }))
      expect(await callIpn(ipn)).toEqual({ RspCode: "00", Message: "Confirm Success" })
      expect(await orderState(order.id)).toMatchObject({ payment_status: "captured", captured: [order.total] })

      // VNPay retries the same call: answered "already confirmed", nothing captured twice.
      expect((await callIpn(ipn)).RspCode).toBe("02")
      expect(await orderState(order.id)).toMatchObject({ payment_status: "captured", captured: [order.total] })
    })

    it("applies three copies of one IPN arriving together exactly once", async () => {
      const { order, txnRef } = await placeVnpayOrder()
      const ipn = signedVnpayQuery(SECRET, vnpayIpnParams({ txnRef, amountVnd: order.total }))
      const answers = await Promise.all([callIpn(ipn), callIpn(ipn), callIpn(ipn)])
      expect(answers.map((a) => a.RspCode).sort()).toEqual(["00", "02", "02"])
      expect(await orderState(order.id)).toMatchObject({ payment_status: "captured", captured: [order.total] })
    })

    it("answers a bad checksum 97, a wrong amount 04, an unknown reference 01, and changes nothing", async () => {
      const { order, txnRef } = await placeVnpayOrder()
      const params = vnpayIpnParams({ txnRef, amountVnd: order.total })

      expect((await callIpn(signedVnpayQuery("F".repeat(32), params))).RspCode).toBe("97") // someone else's secret
      const signed = signedVnpayQuery(SECRET, params)
      const raised = signed.replace(`vnp_Amount=${order.total * 100}`, `vnp_Amount=${order.total * 100 + 100}`)
      expect(raised).not.toBe(signed)
      expect((await callIpn(raised)).RspCode).toBe("97") // amount changed after signing
      expect((await callIpn(signed.replace(/&vnp_SecureHash=[0-9a-f]+$/, ""))).RspCode).toBe("97") // unsigned
      expect((await callIpn(signed.replace("vnp_ResponseCode=00", "vnp_ResponseCode=24"))).RspCode).toBe("97")
      expect((await callIpn(signedVnpayQuery(SECRET, { ...params, vnp_Amount: "lots" }))).RspCode).toBe("97")

      // Correctly signed, but not what the order costs.
      expect((await callIpn(signedVnpayQuery(SECRET, vnpayIpnParams({ txnRef, amountVnd: order.total - 1000 })))).RspCode).toBe("04")
      expect(
        (await callIpn(signedVnpayQuery(SECRET, vnpayIpnParams({ txnRef: "01KZZZZZZZZZZZZZZZZZZZZZZZ", amountVnd: order.total })))).RspCode
      ).toBe("01")
      // Signed by the secret, yet for another merchant's terminal.
      const stranger = await callIpn(signedVnpayQuery(SECRET, vnpayIpnParams({ txnRef, amountVnd: order.total, tmnCode: "OTHER123" })))
      expect(stranger.RspCode).toBe("99")
      expect(stranger.Message).toMatch(/^vnp_TmnCode: /)

      expect(await orderState(order.id)).toMatchObject({ status: "pending", payment_status: "awaiting", captured: [] })
      // The genuine call still goes through afterwards.
      expect((await callIpn(signed)).RspCode).toBe("00")
      expect((await orderState(order.id)).captured).toEqual([order.total])
    })

    it("cancels the order when VNPay reports a failed payment, so its stock returns; nothing is captured", async () => {
      const inventory = container.resolve(Modules.INVENTORY)
      const item = await inventory.createInventoryItems({ title: "kho thử VNPay" })
      await container.resolve(ContainerRegistrationKeys.LINK).create({
        [Modules.PRODUCT]: { variant_id: variantId },
        [Modules.INVENTORY]: { inventory_item_id: item.id },
      })
      await inventory.createInventoryLevels([{ inventory_item_id: item.id, location_id: stockLocationId, stocked_quantity: 5 }])
      await container.resolve(Modules.PRODUCT).updateProductVariants(variantId, { manage_inventory: true })
      const reserved = async () => (await inventory.listInventoryLevels({ inventory_item_id: item.id }))[0].reserved_quantity

      const { order, txnRef } = await placeVnpayOrder(3)
      expect(await reserved()).toBe(3)
      // 24: the buyer cancelled on VNPay's page.
      const failed = signedVnpayQuery(SECRET, vnpayIpnParams({ txnRef, amountVnd: order.total, responseCode: "24" }))
      expect((await callIpn(failed)).RspCode).toBe("00")
      expect(await orderState(order.id)).toMatchObject({ status: "canceled", captured: [] })
      expect((await orderState(order.id)).payment_status).not.toBe("captured")
      expect(await reserved()).toBe(0)

      // A replay, or a late "paid" for the cancelled order, changes nothing.
      expect((await callIpn(failed)).RspCode).toBe("02")
      expect(await callIpn(signedVnpayQuery(SECRET, vnpayIpnParams({ txnRef, amountVnd: order.total })))).toMatchObject({ RspCode: "02" })
      expect(await orderState(order.id)).toMatchObject({ status: "canceled", captured: [] })
    })
  },
})

describe("VNPay configuration", () => {
  const base = REQUIRED_SECRETS
  const settings = { OCOP_VNPAY_TMN_CODE: "OCOPTEST", OCOP_VNPAY_HASH_SECRET: "E".repeat(32), OCOP_STOREFRONT_URL: "https://cho-ocop.vn/" }

  it("is off unless configured, uses the sandbox by default, and refuses half a configuration naming the missing variable", () => {
    expect(parseConfig(base).vnpay).toBeUndefined()
    expect(parseConfig({ ...base, ...settings }).vnpay).toEqual({
      tmnCode: "OCOPTEST",
      hashSecret: "E".repeat(32),
      host: "https://sandbox.vnpayment.vn",
      returnUrl: "https://cho-ocop.vn/checkout/vnpay-return",
      expiryMinutes: 60,
    })
    expect(parseConfig({ ...base, ...settings, OCOP_VNPAY_EXPIRY_MINUTES: "15" }).vnpay?.expiryMinutes).toBe(15)
    // Shorter than VNPay's 15-minute payment page would cancel orders whose buyer is still paying.
    expect(() => parseConfig({ ...base, ...settings, OCOP_VNPAY_EXPIRY_MINUTES: "14" })).toThrow(/- OCOP_VNPAY_EXPIRY_MINUTES: ít nhất 15 phút/)
    expect(parseConfig({ ...base, ...settings, OCOP_VNPAY_HOST: "https://pay.vnpay.vn/" }).vnpay?.host).toBe("https://pay.vnpay.vn")
    expect(() => parseConfig({ ...base, OCOP_VNPAY_TMN_CODE: "OCOPTEST" })).toThrow(/- OCOP_VNPAY_HASH_SECRET: cần cho VNPay/)
    expect(() => parseConfig({ ...base, OCOP_VNPAY_HASH_SECRET: "E".repeat(32) })).toThrow(/- OCOP_VNPAY_TMN_CODE: cần cho VNPay/)
    expect(() => parseConfig({ ...base, ...settings, OCOP_VNPAY_HASH_SECRET: "short" })).toThrow(/- OCOP_VNPAY_HASH_SECRET: ít nhất 32 ký tự/)
    expect(() => parseConfig({ ...base, ...settings, OCOP_STOREFRONT_URL: "" })).toThrow(/- OCOP_STOREFRONT_URL: cần cho VNPay/)
  })
})
