import AxeBuilder from "@axe-core/playwright"
import { expect, type APIRequestContext, type Page } from "@playwright/test"
import { BACKEND_URL } from "./stack"

// Shared by the curator console's specs: the accessibility check, listing a province's products the way the
// operator does (a certification list import), and an invited curator joining from the link.

/** axe's serious and critical WCAG 2.1 A/AA violations of the page as it stands, one line each. */
export async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`
    )
}

/** Today in Việt Nam as YYYY-MM-DD, `days` later (the backend's days are Vietnamese calendar days). */
export function todayInVietnam(days = 0) {
  return new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10)
}

export type ListedRow = {
  title: string
  producer: string
  commune: string
  district: string
  province: string
  stars: number
  decision: string
  date: string
}

/** A province's certification list as the offices publish it: one CSV row per product, in the reader's columns. */
export function certificationListCsv(rows: ListedRow[]) {
  return [
    "STT,Tên sản phẩm,Chủ thể,Xã,Huyện,Tỉnh,Hạng sao,Số quyết định,Ngày quyết định",
    ...rows.map((r, i) => [i + 1, r.title, r.producer, r.commune, r.district, r.province, r.stars, r.decision, r.date].join(",")),
    "",
  ].join("\n")
}

/**
 * The operator imports a province's certification list (one CSV row per product) and publishes each product;
 * answers each product's id, handle and producer id, in the rows' order.
 */
export async function importAndPublishProducts(request: APIRequestContext, token: string, rows: ListedRow[]) {
  const auth = { authorization: `Bearer ${token}` }
  const csv = certificationListCsv(rows)
  const upload = await request.post(`${BACKEND_URL}/admin/ocop/imports/file`, {
    headers: auth,
    multipart: { file: { name: "danh-sach.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") } },
  })
  expect(await upload.json()).toMatchObject({ read: rows.length, rejected: 0 })
  const listed: { id: string; handle: string; producerId: string }[] = []
  for (const row of rows) {
    const { products } = await (await request.get(`${BACKEND_URL}/admin/products?q=${encodeURIComponent(row.title)}`, { headers: auth })).json()
    expect(products).toHaveLength(1)
    expect((await request.post(`${BACKEND_URL}/admin/products/${products[0].id}`, { headers: auth, data: { status: "published" } })).status()).toBe(
      200
    )
    const ocop = await (await request.get(`${BACKEND_URL}/admin/products/${products[0].id}/ocop`, { headers: auth })).json()
    listed.push({ id: products[0].id, handle: products[0].handle, producerId: ocop.producer.id })
  }
  return listed
}

/**
 * The operator invites a curator for the given provinces; the curator opens the link, registers and lands on
 * the console's dashboard, signed in.
 */
export async function joinAsInvitedCurator(
  page: Page,
  request: APIRequestContext,
  token: string,
  curator: { email: string; name: string; provinceCodes: string[] }
) {
  const invite = await request.post(`${BACKEND_URL}/admin/curators/invites`, {
    headers: { authorization: `Bearer ${token}` },
    data: { email: curator.email, province_codes: curator.provinceCodes },
  })
  expect(invite.status()).toBe(201)
  const link = new URL((await invite.json()).link)
  expect(link.pathname).toBe("/vi/curator/invite")

  await page.goto(`${link.pathname}${link.search}`)
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhận lời mời cán bộ OCOP")
  await page.getByLabel("Họ và tên").fill(curator.name)
  await page.getByLabel("Email").fill(curator.email)
  await page.getByLabel("Mật khẩu mới (ít nhất 8 ký tự)").fill("mat-khau-can-bo-2026")
  await page.getByRole("button", { name: "Tạo tài khoản và vào bàn làm việc" }).click()
  await expect(page).toHaveURL(/\/vi\/curator$/)
}
