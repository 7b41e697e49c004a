import { createHmac } from "node:crypto"
import { createServer, type Server } from "node:http"
import { expect, test } from "@playwright/test"
import { readStack } from "../support/catalog"
import { BACKEND_URL, VNPAY_HOST, VNPAY_PORT } from "../support/stack"

const shot = (name: string) => `test-results/screenshots/${name}-390x844.png`

/** VNPay's documented checksum, written here from the protocol (not imported from the backend or the library):
 * vnp_ parameters but the hash, sorted, urlencoded with spaces as "+", joined with "&", hex HMAC-SHA512. */
function vnpayHash(secret: string, params: Record<string, string>) {
  const encode = (text: string) =>
    encodeURIComponent(text)
      .replace(/%20/g, "+")
      .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  const data = Object.keys(params)
    .filter((key) => key !== "vnp_SecureHash" && key !== "vnp_SecureHashType")
    .sort()
    .map((key) => `${encode(key)}=${encode(params[key])}`)
    .join("&")
  return createHmac("sha512", secret).update(data, "utf8").digest("hex")
}

const signedQuery = (secret: string, params: Record<string, string>) =>
  new URLSearchParams({ ...params, vnp_SecureHash: vnpayHash(secret, params) }).toString()

// The fake VNPay is only the host the buyer is sent to: it shows a page and remembers the address it was asked for.
let vnpay: Server
const visits: URL[] = []
test.beforeAll(async () => {
  vnpay = createServer((req, res) => {
    visits.push(new URL(req.url ?? "/", VNPAY_HOST))
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" })
    res.end("<!doctype html><title>VNPay (giả lập)</title><h1>Cổng thanh toán VNPay (giả lập)</h1>")
  })
  await new Promise<void>((resolve) => vnpay.listen(VNPAY_PORT, "127.0.0.1", resolve))
})
test.afterAll(async () => {
  await new Promise((resolve) => vnpay.close(resolve))
})

test("a buyer on a phone pays by VNPay: sent to VNPay's page, back on the return page, 'paid' once VNPay's IPN lands", async ({ page }) => {
  const { honey, vnpay: settings } = readStack()

  await page.goto(`/vi/products/${honey.handle}`)
  await page.getByRole("button", { name: "Thêm vào giỏ" }).click()
  await expect(page.getByTestId("cart-count")).toHaveText("1")

  await page.goto("/vi/checkout")
  await page.getByLabel("Email").fill(`khach.${Date.now()}@example.vn`)
  await page.getByLabel("Họ và tên").fill("Lê Thị Hoa")
  await page.getByLabel("Số điện thoại").fill("0912 345 678")
  await page.getByLabel("Tỉnh/thành phố").selectOption({ label: "Thành phố Hà Nội" })
  const commune = page.getByLabel("Xã/phường")
  await expect(commune.locator("option")).not.toHaveCount(1)
  await commune.selectOption({ index: 1 })
  await page.getByLabel("Số nhà, đường, thôn/xóm").fill("5 Tràng Tiền")
  await expect(page.getByRole("radio", { name: "Thanh toán khi nhận hàng (COD)" })).toBeChecked()
  await page.getByRole("radio", { name: /^VNPay/ }).check()
  await page.getByRole("button", { name: "Đặt hàng" }).click()

  // Placing the order is several backend calls and Medusa's cart completion: slow on a loaded machine.
  await expect(page.getByRole("heading", { name: "Cổng thanh toán VNPay (giả lập)" })).toBeVisible({ timeout: 60_000 })
  const sent = new URL(page.url())
  expect(sent.origin).toBe(VNPAY_HOST)
  expect(sent.pathname).toBe("/paymentv2/vpcpay.html")
  // The browser also asks the page's host for /favicon.ico; only the payment page counts.
  expect(visits.map((v) => v.pathname).filter((path) => path !== "/favicon.ico")).toEqual(["/paymentv2/vpcpay.html"])
  const params = Object.fromEntries(sent.searchParams) as Record<string, string>
  expect(params.vnp_TmnCode).toBe(settings.tmnCode)
  expect(params.vnp_Amount).toBe("28000000") // 280.000 ₫ × 100, VNPay's unit
  expect(vnpayHash(settings.hashSecret, params)).toBe(params.vnp_SecureHash)
  await page.screenshot({ path: shot("vnpay-redirected"), fullPage: true })

  // VNPay sends the buyer back before its server calls the IPN: the page says it is confirming.
  const result = {
    vnp_Amount: params.vnp_Amount,
    vnp_BankCode: "NCB",
    vnp_BankTranNo: "VNP14226112",
    vnp_CardType: "ATM",
    vnp_OrderInfo: params.vnp_OrderInfo,
    vnp_PayDate: "20261128153015",
    vnp_ResponseCode: "00",
    vnp_TmnCode: settings.tmnCode,
    vnp_TransactionNo: "14226112",
    vnp_TransactionStatus: "00",
    vnp_TxnRef: params.vnp_TxnRef,
  }
  const returnUrl = new URL(params.vnp_ReturnUrl)
  await page.goto(`${returnUrl.pathname}?${signedQuery(settings.hashSecret, result)}`)
  await expect(page.getByRole("heading", { name: "Kết quả thanh toán VNPay" })).toBeVisible()
  await expect(page.getByTestId("payment-state")).toContainText("Đang xác nhận")

  // A forged IPN changes nothing; VNPay's signed one pays the order, and the page updates itself.
  const forged = await fetch(`${BACKEND_URL}/hooks/vnpay/ipn?${signedQuery("0".repeat(32), result)}`)
  expect(await forged.json()).toMatchObject({ RspCode: "97" })
  const ipn = await fetch(`${BACKEND_URL}/hooks/vnpay/ipn?${signedQuery(settings.hashSecret, result)}`)
  expect(ipn.status).toBe(200)
  expect(await ipn.json()).toEqual({ RspCode: "00", Message: "Confirm Success" })
  await expect(page.getByTestId("payment-state")).toContainText("Đã thanh toán", { timeout: 45_000 })
  await page.screenshot({ path: shot("vnpay-paid"), fullPage: true })

  // A return query nobody signed names no order.
  await page.goto(`${returnUrl.pathname}?${signedQuery("0".repeat(32), result)}`)
  await expect(page.getByTestId("payment-state")).toContainText("Không hợp lệ")
})
