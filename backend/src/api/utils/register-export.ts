import type { MedusaContainer } from "@medusajs/framework/types"
import type { MedusaResponse } from "@medusajs/framework/http"
import ExcelJS from "exceljs"
import { isCertifiedStatus, MAX_STARS, STAR_TIERS, type StarTier } from "@ocop/domain"
import { getCommune } from "@ocop/domain/places"
import { getProductGroup } from "@ocop/domain/taxonomy"
import { csvCell, neutraliseFormula } from "@ocop/seed"
import { toDateOnly, todayInVietnam } from "../../modules/ocop/dates"
import { resolveQuery } from "./ocop-catalog"
import { effectiveStatus } from "./present-ocop"

/**
 * The provincial OCOP register as a file: one row per product (its current, i.e. not superseded, certificate) and,
 * in the XLSX, a "Tổng hợp" sheet with the figures the ministry publishes each period. Rows are read a page at a
 * time and written straight to the response, so 20,000 products never sit in memory at once; only small counters
 * and one date per product (to tell a first recognition from a re-recognition) are kept.
 */

// 500 certificates per Query read: few round trips for 20,000 rows, and a page's product joins stay small.
const PAGE_SIZE = 500

const FIELDS = [
  "id",
  "stars",
  "potential_five_star",
  "product_group_code",
  "decision_number",
  "decision_date",
  "valid_until",
  "status",
  "commune_code",
  "commune_as_listed",
  "district_as_listed",
  "province_code",
  "rating_events.kind",
  "rating_events.decision_date",
  "rating_events.created_at",
  "product.id",
  "product.title",
  "product.status",
  "product.variants.prices.amount",
  "product.producer.id",
  "product.producer.name",
  "product.producer.type",
]

export const REGISTER_COLUMNS = [
  { key: "product", header: "Tên sản phẩm / Product" },
  { key: "producer", header: "Chủ thể / Producer" },
  { key: "producer_type", header: "Loại chủ thể / Producer type" },
  { key: "commune", header: "Xã hiện nay / Commune (current)" },
  { key: "commune_as_listed", header: "Xã theo danh sách / Commune as listed" },
  { key: "district_as_listed", header: "Huyện theo danh sách / District as listed" },
  { key: "product_group", header: "Nhóm QĐ 148 / QĐ 148 group" },
  { key: "stars", header: "Hạng sao / Stars" },
  { key: "potential_five_star", header: "Tiềm năng 5 sao / Potential 5★" },
  { key: "decision_number", header: "Số quyết định / Decision number" },
  { key: "decision_date", header: "Ngày quyết định / Decision date" },
  { key: "valid_until", header: "Hiệu lực đến / Valid until" },
  { key: "status", header: "Tình trạng / Status" },
  { key: "on_sale", header: "Đang bán / On sale" },
] as const

type ColumnKey = (typeof REGISTER_COLUMNS)[number]["key"]
export type RegisterExportRow = Record<ColumnKey, string | number>

export type ExportPeriod = { from: string; to: string }

/** The period of the summary figures: the given dates, or the current year in Vietnam. */
export function resolveExportPeriod(from?: string, to?: string): ExportPeriod {
  const year = todayInVietnam().slice(0, 4)
  return { from: from ?? `${year}-01-01`, to: to ?? `${year}-12-31` }
}

/** A product is on sale when it is published and has a variant with a price. */
function isOnSale(product: Record<string, any> | null | undefined): boolean {
  if (!product || product.status !== "published") return false
  return (product.variants ?? []).some((v: any) => (v.prices ?? []).some((p: any) => p?.amount !== null && p?.amount !== undefined))
}

function toRow(cert: Record<string, any>, today: string): RegisterExportRow {
  const product = cert.product ?? {}
  const producer = product.producer ?? {}
  const group = cert.product_group_code ? getProductGroup(cert.product_group_code) : undefined
  const commune = cert.commune_code ? getCommune(cert.commune_code) : undefined
  return {
    product: product.title ?? "",
    producer: producer.name ?? "",
    producer_type: producer.type ?? "",
    commune: commune?.name ?? "",
    commune_as_listed: cert.commune_as_listed ?? "",
    district_as_listed: cert.district_as_listed ?? "",
    product_group: group ? `${group.code} ${group.name}` : "",
    stars: cert.stars,
    potential_five_star: cert.potential_five_star ? "có / yes" : "",
    decision_number: cert.decision_number ?? "",
    decision_date: toDateOnly(cert.decision_date) ?? "",
    valid_until: toDateOnly(cert.valid_until) ?? "",
    status: effectiveStatus(cert, today),
    on_sale: isOnSale(product) ? "có / yes" : "không / no",
  }
}

/** The ministry's per-period figures, gathered while the rows stream past. */
export type RegisterSummary = {
  products: number
  certified_3_plus: number
  by_stars: Record<`${StarTier}`, number>
  five_star: number
  producers_by_type: Record<string, number>
  new_in_period: number
  re_recognised_in_period: number
  expired_in_period: number
  revoked_in_period: number
}

function inPeriod(date: Date | string | null | undefined, period: ExportPeriod): boolean {
  const day = toDateOnly(date)
  return !!day && day >= period.from && day <= period.to
}

/**
 * Reads every certificate of the provinces (superseded ones too: they tell a re-recognition from a first one), a
 * page at a time, and hands each current one to `onRow`. Returns the summary figures.
 */
export async function streamRegister(
  scope: MedusaContainer,
  provinceCodes: string[],
  period: ExportPeriod,
  onRow: (row: RegisterExportRow) => void | Promise<void>
): Promise<RegisterSummary> {
  const today = todayInVietnam()
  const summary: RegisterSummary = {
    products: 0,
    certified_3_plus: 0,
    by_stars: Object.fromEntries(STAR_TIERS.map((stars) => [String(stars), 0])) as Record<`${StarTier}`, number>,
    five_star: 0,
    producers_by_type: {},
    new_in_period: 0,
    re_recognised_in_period: 0,
    expired_in_period: 0,
    revoked_in_period: 0,
  }
  const producerTypes = new Map<string, string>()
  // Per product: the decision dates of all its certificates (null when the list gave none), to tell a first
  // recognition from a re-recognition; and the certificates decided in the period.
  const decisions = new Map<string, (string | null)[]>()
  const decidedInPeriod: { product: string; date: string }[] = []
  if (!provinceCodes.length) return summary
  const query = resolveQuery(scope)
  let lastId: string | null = null
  for (;;) {
    // Keyset paging on the id: stable under concurrent inserts and no growing OFFSET scan.
    const filters: Record<string, unknown> = { province_code: provinceCodes, ...(lastId ? { id: { $gt: lastId } } : {}) }
    const { data } = await query.graph({
      entity: "certification",
      fields: FIELDS,
      filters,
      pagination: { take: PAGE_SIZE, order: { id: "ASC" } },
    })
    if (!data.length) break
    lastId = data[data.length - 1].id
    for (const cert of data as Record<string, any>[]) {
      const productId = cert.product?.id as string | undefined
      const decided = toDateOnly(cert.decision_date)
      if (productId) {
        decisions.set(productId, [...(decisions.get(productId) ?? []), decided])
        if (decided && inPeriod(decided, period)) decidedInPeriod.push({ product: productId, date: decided })
      }
      if (cert.status === "superseded") continue
      const status = effectiveStatus(cert, today)
      if (status === "expired" && inPeriod(cert.valid_until, period)) summary.expired_in_period++
      if (status === "revoked") {
        const revocation = (cert.rating_events ?? []).find((e: any) => e.kind === "revocation")
        if (inPeriod(revocation?.decision_date ?? revocation?.created_at, period)) summary.revoked_in_period++
      }
      summary.products++
      // Certified products are those whose certificate still stands (valid, or of unknown validity).
      if (isCertifiedStatus(status)) {
        summary.certified_3_plus++
        const key = String(cert.stars) as `${StarTier}`
        if (key in summary.by_stars) summary.by_stars[key]++
        if (cert.stars === MAX_STARS) summary.five_star++
        const producer = cert.product?.producer
        if (producer?.id) producerTypes.set(producer.id, producer.type ?? "unknown")
      }
      await onRow(toRow(cert, today))
    }
    if (data.length < PAGE_SIZE) break
  }
  for (const type of producerTypes.values()) summary.producers_by_type[type] = (summary.producers_by_type[type] ?? 0) + 1
  for (const { product, date } of decidedInPeriod) {
    // A re-recognition when the product had an earlier certificate (an undated one, imported from an old list,
    // counts as earlier); otherwise the product's first recognition.
    const earlier = (decisions.get(product) ?? []).filter((d) => d === null || d < date)
    if (earlier.length) summary.re_recognised_in_period++
    else summary.new_in_period++
  }
  return summary
}

function share(count: number, total: number): string {
  return total ? `${((100 * count) / total).toFixed(1)}%` : "0%"
}

/** The "Tổng hợp" sheet's rows: label (Vietnamese / English) and value. */
export function summaryRows(summary: RegisterSummary, period: ExportPeriod): [string, string | number][] {
  const total = summary.certified_3_plus
  return [
    ["Kỳ báo cáo / Period", `${period.from} – ${period.to}`],
    ["Sản phẩm trong sổ / Products in the register", summary.products],
    ["Sản phẩm đạt 3 sao trở lên / Products at 3★ and above", total],
    ["Sản phẩm 3 sao / 3★ products", summary.by_stars["3"]],
    ["Tỷ lệ 3 sao / 3★ share", share(summary.by_stars["3"], total)],
    ["Sản phẩm 4 sao / 4★ products", summary.by_stars["4"]],
    ["Tỷ lệ 4 sao / 4★ share", share(summary.by_stars["4"], total)],
    ["Sản phẩm 5 sao / 5★ products", summary.five_star],
    ["Tỷ lệ 5 sao / 5★ share", share(summary.by_stars["5"], total)],
    ...Object.entries(summary.producers_by_type)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, n]): [string, number] => [`Chủ thể loại ${type} / Producers of type ${type}`, n]),
    ["Công nhận mới trong kỳ / Newly recognised in the period", summary.new_in_period],
    ["Công nhận lại trong kỳ / Re-recognised in the period", summary.re_recognised_in_period],
    ["Hết hiệu lực trong kỳ / Expired in the period", summary.expired_in_period],
    ["Bị thu hồi trong kỳ / Revoked in the period", summary.revoked_in_period],
  ]
}

/** Streams the register as CSV (UTF-8 with BOM so Excel reads the diacritics). */
export async function sendRegisterCsv(scope: MedusaContainer, res: MedusaResponse, provinceCodes: string[], period: ExportPeriod) {
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", 'attachment; filename="so-ocop.csv"')
  res.write(`\uFEFF${REGISTER_COLUMNS.map((c) => csvCell(c.header)).join(",")}\n`)
  await streamRegister(scope, provinceCodes, period, (row) => {
    res.write(`${REGISTER_COLUMNS.map((c) => csvCell(row[c.key])).join(",")}\n`)
  })
  res.end()
}

/** Streams the register as XLSX: "Sổ OCOP" rows, then the "Tổng hợp" summary sheet. */
export async function sendRegisterXlsx(scope: MedusaContainer, res: MedusaResponse, provinceCodes: string[], period: ExportPeriod) {
  res.setHeader("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  res.setHeader("Content-Disposition", 'attachment; filename="so-ocop.xlsx"')
  // Shared strings would keep every distinct text in memory until the end; inline strings stream.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res as any, useStyles: false, useSharedStrings: false })
  const register = workbook.addWorksheet("Sổ OCOP")
  register.addRow(REGISTER_COLUMNS.map((c) => c.header)).commit()
  const cell = (value: string | number) => (typeof value === "string" ? neutraliseFormula(value) : value)
  const summary = await streamRegister(scope, provinceCodes, period, (row) => {
    register.addRow(REGISTER_COLUMNS.map((c) => cell(row[c.key]))).commit()
  })
  register.commit()
  const totals = workbook.addWorksheet("Tổng hợp")
  for (const [label, value] of summaryRows(summary, period)) totals.addRow([label, cell(value)]).commit()
  totals.commit()
  await workbook.commit()
}
