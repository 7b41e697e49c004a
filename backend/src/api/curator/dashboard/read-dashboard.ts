import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { CuratorDashboard } from "@ocop/contracts"
import { PRODUCER_TYPES, STAR_TIERS, startOfDayInVietnam, todayInVietnam, type StarTier } from "@ocop/domain"
import { productGroups } from "@ocop/domain/taxonomy"
import { getCommune } from "@ocop/domain/places"
import { readLotFigures } from "./read-lot-figures"

// Link tables of src/links (Medusa names them service_key_service_key; see composeTableName).
const PRODUCT_CERTIFICATION = "product_product_ocop_certification"
const PRODUCT_PRODUCER = "product_product_producer_producer"

// Seed's isCertifiedStatus: the product carries its stars.
const CERTIFIED = "effective IN ('active', 'unknown_validity')"

// Communes shown by name on the chart; the rest are summed as "khác" (other).
const TOP_COMMUNES = 8
const SALES_WINDOW_DAYS = 30

type Knex = { raw: (sql: string, bindings: Record<string, unknown>) => Promise<{ rows: Record<string, any>[] }> }

/** Adds whole days to a calendar date (YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/**
 * The province's figures in seven grouped statements run at once over certificates, their product links, producers,
 * listings, orders and claims — nothing is loaded row by row. A certificate's effective status follows @ocop/domain's effectiveCertificationStatus
 * (active past valid-until counts as expired, active without one is of unknown validity); a product counts once, by
 * its current certificate (the valid one, else one of unknown validity, else the latest not superseded, as the shop
 * shows it: @ocop/domain's pickCurrentCertification). Certified means valid or of unknown validity: both carry their stars.
 *
 * Communes: the product's commune is its certificate's current (post-2025) commune code, else its producer's; the
 * district as listed is history and never counted. Women-led and ethnic-minority-led are over the provinces'
 * producers whose answer is known; the unknown are counted apart. On sale = published, in the shop's sales channel
 * (the store's default) and with a variant priced in VND; showcase = published without that. Sales = the lines of
 * the province's products in orders not canceled placed over the last 30 days (Vietnam time), one figure per day.
 */
export async function readDashboard(scope: MedusaContainer, provinceCodes: string[]) {
  const knex = scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
  const today = todayInVietnam()
  const bindings = {
    codes: provinceCodes,
    today: `${today}T00:00:00Z`,
    in30: `${addDays(today, 30)}T00:00:00Z`,
    in90: `${addDays(today, 90)}T00:00:00Z`,
    salesSince: startOfDayInVietnam(addDays(today, 1 - SALES_WINDOW_DAYS)).toISOString(),
  }
  const current = `
    WITH cert AS (
      SELECT c.id, c.stars, c.product_group_code, c.commune_code, c.valid_until, c.created_at, l.product_id,
             CASE WHEN c.status = 'active' AND c.valid_until IS NULL THEN 'unknown_validity'
                  WHEN c.status = 'active' AND c.valid_until < CAST(:today AS timestamptz) THEN 'expired'
                  ELSE c.status END AS effective
        FROM certification c
        JOIN ${PRODUCT_CERTIFICATION} l ON l.certification_id = c.id AND l.deleted_at IS NULL
       WHERE c.deleted_at IS NULL AND c.status <> 'superseded' AND c.province_code = ANY(:codes)
    ), current AS (
      SELECT DISTINCT ON (product_id) * FROM cert
       ORDER BY product_id, (effective = 'active') DESC, (effective = 'unknown_validity') DESC, created_at DESC
    )`

  const [lots, totals, sectors, producerTypes, communeRows, leadership, listings, sales] = await Promise.all([
    readLotFigures(scope, provinceCodes),
    knex.raw(
      `${current}
      SELECT
        (SELECT count(*) FROM current) AS products,
        (SELECT count(*) FROM current WHERE ${CERTIFIED}) AS products_certified,
        ${STAR_TIERS.map((stars) => `(SELECT count(*) FROM current WHERE ${CERTIFIED} AND stars = ${stars}) AS stars_${stars},`).join("\n")}
        (SELECT count(*) FROM cert WHERE effective = 'active' AND valid_until <= CAST(:in30 AS timestamptz)) AS expiring_30,
        (SELECT count(*) FROM cert WHERE effective = 'active' AND valid_until <= CAST(:in90 AS timestamptz)) AS expiring_90,
        (SELECT count(*) FROM cert WHERE effective = 'expired') AS expired,
        (SELECT count(*) FROM cert WHERE effective = 'revoked') AS revoked,
        (SELECT count(*) FROM cert WHERE effective = 'unknown_validity') AS unknown_validity,
        (SELECT count(*) FROM producer_claim pc JOIN producer p ON p.id = pc.producer_id AND p.deleted_at IS NULL
          WHERE pc.deleted_at IS NULL AND pc.status = 'pending' AND p.province_code = ANY(:codes)) AS pending_claims`,
      bindings
    ),
    knex.raw(
      `${current}
      SELECT split_part(product_group_code, '.', 1) AS sector, count(*) AS products
        FROM current WHERE ${CERTIFIED} GROUP BY 1`,
      bindings
    ),
    knex.raw(
      `${current}
      SELECT p.type, count(*) AS products
        FROM current
        LEFT JOIN ${PRODUCT_PRODUCER} pl ON pl.product_id = current.product_id AND pl.deleted_at IS NULL
        LEFT JOIN producer p ON p.id = pl.producer_id AND p.deleted_at IS NULL
       WHERE ${CERTIFIED} GROUP BY 1`,
      bindings
    ),
    knex.raw(
      `${current}
      SELECT COALESCE(current.commune_code, p.commune_code) AS commune_code, count(*) AS products
        FROM current
        LEFT JOIN ${PRODUCT_PRODUCER} pl ON pl.product_id = current.product_id AND pl.deleted_at IS NULL
        LEFT JOIN producer p ON p.id = pl.producer_id AND p.deleted_at IS NULL
       WHERE ${CERTIFIED} GROUP BY 1 ORDER BY 2 DESC, 1`,
      bindings
    ),
    knex.raw(
      `SELECT count(*) FILTER (WHERE women_led) AS women_yes, count(*) FILTER (WHERE NOT women_led) AS women_no,
              count(*) FILTER (WHERE women_led IS NULL) AS women_unknown,
              count(*) FILTER (WHERE ethnic_minority_led) AS ethnic_yes, count(*) FILTER (WHERE NOT ethnic_minority_led) AS ethnic_no,
              count(*) FILTER (WHERE ethnic_minority_led IS NULL) AS ethnic_unknown
         FROM producer WHERE deleted_at IS NULL AND province_code = ANY(:codes)`,
      bindings
    ),
    knex.raw(
      `${current}
      SELECT count(*) FILTER (WHERE on_sale) AS on_sale,
             count(*) FILTER (WHERE published AND NOT on_sale) AS showcase,
             count(*) FILTER (WHERE NOT published) AS unpublished
        FROM (
          SELECT pr.status = 'published' AS published,
                 pr.status = 'published'
                 AND EXISTS (SELECT 1 FROM product_sales_channel psc
                               JOIN store s ON s.default_sales_channel_id = psc.sales_channel_id AND s.deleted_at IS NULL
                              WHERE psc.product_id = pr.id AND psc.deleted_at IS NULL)
                 AND EXISTS (SELECT 1 FROM product_variant v
                               JOIN product_variant_price_set vps ON vps.variant_id = v.id AND vps.deleted_at IS NULL
                               JOIN price ON price.price_set_id = vps.price_set_id AND price.deleted_at IS NULL
                                         AND price.price_list_id IS NULL AND price.currency_code = 'vnd'
                              WHERE v.product_id = pr.id AND v.deleted_at IS NULL) AS on_sale
            FROM current JOIN product pr ON pr.id = current.product_id AND pr.deleted_at IS NULL
           WHERE ${CERTIFIED}
        ) listing`,
      bindings
    ),
    knex.raw(
      `${current}
      SELECT to_char(o.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS day,
             count(DISTINCT o.id) AS orders, sum(li.unit_price * oi.quantity) AS total
        FROM "order" o
        JOIN order_item oi ON oi.order_id = o.id AND oi.version = o.version AND oi.deleted_at IS NULL
        JOIN order_line_item li ON li.id = oi.item_id AND li.deleted_at IS NULL
       WHERE o.deleted_at IS NULL AND o.is_draft_order = false AND o.status <> 'canceled' AND o.currency_code = 'vnd'
         AND o.created_at >= CAST(:salesSince AS timestamptz)
         AND li.product_id IN (SELECT product_id FROM cert)
       GROUP BY 1`,
      bindings
    ),
  ])
  const t = totals.rows[0]
  const n = (v: unknown) => Number(v ?? 0)
  const sectorCount = new Map(sectors.rows.map((r) => [r.sector ?? "", n(r.products)]))
  const typeCount = new Map(producerTypes.rows.map((r) => [r.type ?? null, n(r.products)]))
  const located = communeRows.rows.filter((r) => r.commune_code)
  const lead = leadership.rows[0]
  const share = (yes: unknown, no: unknown, unknown: unknown) => ({ yes: n(yes), no: n(no), unknown: n(unknown) })
  const listing = listings.rows[0]
  const salesByDay = new Map(sales.rows.map((r) => [r.day as string, r]))
  const salesDays = Array.from({ length: SALES_WINDOW_DAYS }, (_, i) => {
    const day = addDays(today, i + 1 - SALES_WINDOW_DAYS)
    const row = salesByDay.get(day)
    // VND has no minor unit: totals are whole đồng.
    return { date: day, orders: n(row?.orders), total_vnd: Math.round(n(row?.total)) }
  })
  return {
    today,
    province_codes: provinceCodes,
    products: {
      total: n(t.products),
      // Counted by the product's current certificate when it carries its stars (valid or of unknown validity).
      certified: n(t.products_certified),
      by_stars: Object.fromEntries(STAR_TIERS.map((stars) => [stars, n(t[`stars_${stars}`])])) as Record<StarTier, number>,
      by_sector: [
        ...productGroups.filter((g) => g.level === "sector").map((g) => ({ code: g.code, name: g.name, products: sectorCount.get(g.code) ?? 0 })),
        { code: null, name: null, products: sectorCount.get("") ?? 0 },
      ],
      by_producer_type: [
        ...PRODUCER_TYPES.map((type) => ({ type, products: typeCount.get(type) ?? 0 })),
        { type: null, products: typeCount.get(null) ?? 0 },
      ],
      // The communes in force since 01/07/2025 (QĐ 1489/QĐ-TTg): most products first, the rest as "other".
      by_commune: {
        top: located.slice(0, TOP_COMMUNES).map((r) => {
          const commune = getCommune(r.commune_code)
          return { code: r.commune_code as string, name: commune?.name ?? null, products: n(r.products) }
        }),
        other: located.slice(TOP_COMMUNES).reduce((sum, r) => sum + n(r.products), 0),
        other_communes: Math.max(0, located.length - TOP_COMMUNES),
        unknown: n(communeRows.rows.find((r) => !r.commune_code)?.products),
      },
      listings: { on_sale: n(listing.on_sale), showcase: n(listing.showcase), unpublished: n(listing.unpublished) },
    },
    // Shares are yes / (yes + no); the unknown are not counted as "no".
    producers: {
      women_led: share(lead.women_yes, lead.women_no, lead.women_unknown),
      ethnic_minority_led: share(lead.ethnic_yes, lead.ethnic_no, lead.ethnic_unknown),
    },
    sales_30_days: {
      since: salesDays[0].date,
      orders: salesDays.reduce((sum, d) => sum + d.orders, 0),
      total_vnd: salesDays.reduce((sum, d) => sum + d.total_vnd, 0),
      by_day: salesDays,
    },
    certificates: {
      // Valid today and ending within 30 / 90 days (the 30 are also among the 90).
      expiring_within_30_days: n(t.expiring_30),
      expiring_within_90_days: n(t.expiring_90),
      expiring_before: { "30": addDays(today, 30), "90": addDays(today, 90) },
      expired: n(t.expired),
      revoked: n(t.revoked),
      unknown_validity: n(t.unknown_validity),
    },
    pending_claims: n(t.pending_claims),
    lots,
  } satisfies CuratorDashboard
}
