import { expect, test } from "@playwright/test"
import { readStack } from "../support/catalog"

const shot = (name: string) => `test-results/screenshots/${name}-390x844.png`

test("a buyer on a phone finds 4-star honey typed without diacritics, checks its certificate and orders it cash on delivery", async ({ page }) => {
  const { honey } = readStack()

  await page.goto("/")
  await expect(page).toHaveURL(/\/vi$/)
  await page.screenshot({ path: shot("home"), fullPage: true })

  const search = page.getByRole("combobox", { name: "Tìm sản phẩm OCOP" })
  await search.fill("mat ong")
  await search.press("Enter")
  await expect(page).toHaveURL(/\/vi\/search\?q=mat\+ong/)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kết quả cho “mat ong”")
  await expect(page.getByRole("link", { name: /Mật ong Vũ Quang/ })).toBeVisible()

  await page.getByRole("link", { name: /^4 sao/ }).click()
  await expect(page).toHaveURL(/stars=4/)
  await expect(page.getByTestId("result-count")).toHaveText("1 sản phẩm")
  await page.screenshot({ path: shot("search"), fullPage: true })

  await page.getByRole("link", { name: honey.title }).click()
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(honey.title)
  await expect(page.getByLabel("Sản phẩm OCOP 4 sao, chứng nhận còn hiệu lực")).toBeVisible()
  await expect(page.getByTestId("product-price")).toHaveText(/250\.000\s₫/)
  await expect(page.getByText(/trước đây: (Tỉnh )?Hà Giang/)).toBeVisible()
  await expect(page.getByText("1234/QĐ-UBND", { exact: false })).toBeVisible()
  await page.screenshot({ path: shot("product"), fullPage: true })

  await page.getByRole("link", { name: "Xem và kiểm tra chứng nhận" }).click()
  await expect(page.getByRole("status").filter({ hasText: "Chứng nhận này còn hiệu lực." })).toBeVisible()
  await expect(page.getByTestId("certificate-status")).toHaveText("Còn hiệu lực")
  await expect(page.getByRole("img", { name: "Mã QR dẫn tới trang chứng nhận này" })).toBeVisible()
  await page.goBack()

  await page.getByRole("button", { name: "Thêm vào giỏ" }).click()
  await expect(page.getByText("Đã thêm vào giỏ hàng.")).toBeVisible()
  await expect(page.getByTestId("cart-count")).toHaveText("1")

  // An account first, so that the order lands in the buyer's history; the guest cart follows the buyer.
  await page.goto("/vi/account/login")
  const email = `lan.${Date.now()}@example.vn`
  const register = page.locator("form", { has: page.getByRole("heading", { name: "Tạo tài khoản mới" }) })
  await register.getByLabel("Họ và tên").fill("Nguyễn Thị Lan")
  await register.getByLabel("Email").fill(email)
  await register.getByLabel("Mật khẩu").fill("mat-khau-an-toan")
  await register.getByRole("button", { name: "Tạo tài khoản" }).click()
  await expect(page.getByRole("heading", { name: "Xin chào, Nguyễn Thị Lan" })).toBeVisible()

  await page.goto("/vi/checkout")
  await expect(page.getByLabel("Email")).toHaveValue(email)
  await page.getByLabel("Số điện thoại").fill("0912 345 678")
  await page.getByLabel("Tỉnh/thành phố").selectOption({ label: "Tỉnh Tuyên Quang" })
  const commune = page.getByLabel("Xã/phường")
  await expect(commune.locator("option")).not.toHaveCount(1)
  await commune.selectOption({ index: 1 })
  await page.getByLabel("Số nhà, đường, thôn/xóm").fill("Thôn Pả Vi Hạ")
  await expect(page.getByRole("radio", { name: "Thanh toán khi nhận hàng (COD)" })).toBeChecked()
  await page.screenshot({ path: shot("checkout"), fullPage: true })
  await page.getByRole("button", { name: "Đặt hàng" }).click()

  await expect(page.getByRole("heading", { name: "Cảm ơn bạn đã đặt hàng!" })).toBeVisible()
  await expect(page.getByText(/Bạn sẽ thanh toán 280\.000\s₫ bằng tiền mặt khi nhận hàng/)).toBeVisible()

  await page.goto("/vi/account")
  const history = page.getByTestId("order-history")
  await expect(history).toContainText(honey.title)
  await expect(history).toContainText(/280\.000\s₫/)
})
