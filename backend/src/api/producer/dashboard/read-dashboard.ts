import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Presented, ProducerDashboard } from "@ocop/contracts"
import { VARIANT_STOCK_FIELDS, variantStock } from "@ocop/domain"
import { OCOP_MODULE } from "../../../modules/ocop"
import { todayInVietnam } from "../../../modules/ocop/dates"
import type OcopModuleService from "../../../modules/ocop/service"
import { listProducerProductIds } from "../../utils/ocop-catalog"
import { listProducerLines, readOrders } from "../orders/producer-orders"

const SALES_WINDOW_DAYS = 30
// A household producer restocks weekly; five left is the point to act.
const LOW_STOCK_THRESHOLD = 5
const REMINDER_DAYS = [30, 90] as const
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * One producer's dashboard: sales of the last 30 days (own lines of orders not canceled), variants running low,
 * and certificates ending within 90 days (reminder 90) or 30 days (reminder 30), so re-evaluation is asked for in time.
 */
export async function readProducerDashboard(scope: MedusaContainer, producerId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const since = new Date(Date.now() - SALES_WINDOW_DAYS * DAY_MS)

  const lines = await listProducerLines(scope, producerId)
  const orderIds = [...new Set<string>(lines.map((l: { order_id: string }) => l.order_id))]
  const { data: orders } = orderIds.length ? await readOrders(scope, orderIds) : { data: [] }
  const recent = new Set(orders.filter((o: any) => o.status !== "canceled" && new Date(o.created_at) >= since).map((o: any) => o.id))
  const sold = lines.filter((l) => recent.has(l.order_id))

  const productIds = await listProducerProductIds(scope, producerId)
  const { data: products } = productIds.length
    ? await query.graph({
        entity: "product",
        fields: ["id", "title", "variants.id", "variants.title", ...VARIANT_STOCK_FIELDS.map((field) => `variants.${field}`), "certifications.id"],
        filters: { id: productIds },
      })
    : { data: [] }

  const lowStock = products.flatMap((p: any) =>
    (p.variants ?? [])
      .filter((v: any) => v.manage_inventory)
      .map((v: any) => ({ product_id: p.id, product_title: p.title, variant_id: v.id, variant_title: v.title, available: variantStock(v)! }))
      .filter((v: { available: number }) => v.available <= LOW_STOCK_THRESHOLD)
  )

  // Active certificates ending within the longest reminder window, days left counted by the ocop module in SQL.
  const titles = new Map<string, { product_id: string; product_title: string }>()
  for (const p of products as any[]) {
    for (const c of p.certifications ?? []) if (c) titles.set(c.id, { product_id: p.id, product_title: p.title })
  }
  const ocop: OcopModuleService = scope.resolve(OCOP_MODULE)
  const ending = await ocop.listRenewalReminders([...titles.keys()], todayInVietnam(), Math.max(...REMINDER_DAYS))
  const reminders = ending.map((r) => ({
    ...titles.get(r.certification_id)!,
    certification_id: r.certification_id,
    stars: r.stars,
    valid_until: r.valid_until,
    days_left: r.days_left,
    reminder: REMINDER_DAYS.find((d) => r.days_left <= d) ?? null,
  }))

  return {
    sales_last_30_days: {
      orders: new Set(sold.map((l) => l.order_id)).size,
      units: sold.reduce((sum, l) => sum + l.quantity, 0),
      revenue_vnd: sold.reduce((sum, l) => sum + l.quantity * l.unit_price, 0),
    },
    low_stock: lowStock,
    low_stock_threshold: LOW_STOCK_THRESHOLD,
    certificate_reminders: reminders,
  } satisfies Presented<ProducerDashboard>
}
