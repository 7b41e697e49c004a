import { readFileSync } from "node:fs"
import { BACKEND_URL, STACK_FILE, type AdminLogin, type StackInfo } from "./stack"

export function readStack(): StackInfo {
  return JSON.parse(readFileSync(STACK_FILE, "utf8"))
}

/** A JSON call to the backend; a non-2xx answer throws with its body (the test then says what the backend said). */
export async function callBackend<T>(
  path: string,
  init: { method?: string; body?: unknown; token?: string; headers?: Record<string, string> } = {}
): Promise<T> {
  const response = await fetch(`${BACKEND_URL}${path}`, {
    method: init.method ?? "GET",
    headers: {
      "content-type": "application/json",
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const text = await response.text()
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path} → ${response.status}: ${text}`)
  return JSON.parse(text) as T
}

const adminSignIns = new Map<string, Promise<string>>()
/**
 * The operator's token, signed in once per process and login: the backend limits sign-in attempts per address,
 * and every test's calls come from this machine's one address. Global setup passes the run's login before the
 * stack file exists; tests read it from there.
 */
export function adminToken(admin: AdminLogin = readStack().admin) {
  const key = `${admin.email}\n${admin.password}`
  let signIn = adminSignIns.get(key)
  if (!signIn) {
    signIn = callBackend<{ token: string }>("/auth/user/emailpass", { method: "POST", body: admin }).then(({ token }) => token)
    adminSignIns.set(key, signIn)
  }
  return signIn
}

/** ISO day `days` before today in Việt Nam. */
function daysAgo(days: number) {
  const now = new Date(Date.now() + 7 * 3600_000 - days * 86_400_000)
  return now.toISOString().slice(0, 10)
}

/** A certified product as an operator lists it: what the shop needs of it (and of its producer) to sell it. */
export type Listing = {
  title: string
  handle: string
  description: string
  packSize: string
  price: number
  producer: { name: string; type: "cooperative" | "enterprise" | "household_business" | "farm"; province: string; story: string }
  certificate: { stars: 3 | 4 | 5; province: string; decisionNumber: string; productGroupCode: string }
}

/**
 * Lists a product the way an operator does: published with a VND price in the shop's channel, its producer (matched by
 * name and province, else created) and a certificate decided 30 days ago. Answers the ids the tests need.
 */
export async function listCertifiedProduct(token: string, listing: Listing) {
  const { sales_channels } = await callBackend<{ sales_channels: { id: string }[] }>("/admin/sales-channels?name=Ch%E1%BB%A3%20OCOP", { token })
  const { shipping_profiles } = await callBackend<{ shipping_profiles: { id: string }[] }>("/admin/shipping-profiles?type=default", { token })
  const { product } = await callBackend<{ product: { id: string; handle: string; variants: { id: string }[] } }>("/admin/products", {
    method: "POST",
    token,
    body: {
      title: listing.title,
      handle: listing.handle,
      description: listing.description,
      status: "published",
      sales_channels: [{ id: sales_channels[0].id }],
      shipping_profile_id: shipping_profiles[0].id,
      options: [{ title: "Quy cách", values: [listing.packSize] }],
      variants: [
        {
          title: listing.packSize,
          options: { "Quy cách": listing.packSize },
          manage_inventory: false,
          prices: [{ amount: listing.price, currency_code: "vnd" }],
        },
      ],
    },
  })
  const { producer } = await callBackend<{ producer: { id: string; name: string } }>(`/admin/products/${product.id}/ocop/producer`, {
    method: "POST",
    token,
    body: listing.producer,
  })
  await callBackend(`/admin/products/${product.id}/ocop/certifications`, {
    method: "POST",
    token,
    body: {
      stars: listing.certificate.stars,
      province: listing.certificate.province,
      province_as_listed: listing.certificate.province,
      decision_number: listing.certificate.decisionNumber,
      decision_date: daysAgo(30),
      certifying_level: "province",
      product_group_code: listing.certificate.productGroupCode,
    },
  })
  return { id: product.id, handle: product.handle, variantId: product.variants[0].id, title: listing.title, producer }
}

/**
 * A 4-star honey: its producer comes from a list that still says "Hà Giang" (merged into Tuyên Quang in 2025).
 * The sample lists hold no 4-star honey, and the buyer journey filters "mật ong" by 4 stars.
 */
export async function listFourStarHoney(token: string) {
  const { id, handle, variantId, title } = await listCertifiedProduct(token, {
    title: "Mật ong bạc hà Mèo Vạc",
    handle: "mat-ong-bac-ha-meo-vac-e2e",
    description: "Mật ong hoa bạc hà thu hoạch vào mùa đông trên cao nguyên đá Đồng Văn.",
    packSize: "Hũ 500 g",
    price: 250000,
    producer: {
      name: "Hợp tác xã Mật ong Bạc hà Mèo Vạc",
      type: "cooperative",
      province: "Hà Giang",
      story: "Hơn **200 hộ** nuôi ong trên cao nguyên đá.",
    },
    certificate: { stars: 4, province: "Hà Giang", decisionNumber: "1234/QĐ-UBND", productGroupCode: "I.2.b" },
  })
  return { id, handle, variantId, title }
}

export async function setVariantPrice(token: string, productId: string, variantId: string, amount: number) {
  await callBackend(`/admin/products/${productId}/variants/${variantId}`, {
    method: "POST",
    token,
    body: { prices: [{ amount, currency_code: "vnd" }] },
  })
}

/** Waits until the store's search shows the product (the index follows writes through events). */
export async function waitUntilSearchable(title: string, publishableKey: string) {
  for (let i = 0; i < 60; i++) {
    const response = await fetch(`${BACKEND_URL}/store/ocop/search?q=${encodeURIComponent(title)}&limit=5`, {
      headers: { "x-publishable-api-key": publishableKey },
    })
    const data = (await response.json()) as { hits: { title: string }[] }
    if (data.hits.some((h) => h.title === title)) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`"${title}" never appeared in search`)
}
