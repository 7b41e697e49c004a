import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PRODUCER_TYPES, STAR_TIERS, type StarTier } from "@ocop/domain"
import { productGroups } from "@ocop/domain/taxonomy"
import { todayInVietnam } from "../../../modules/ocop/dates"

// Link tables of src/links (Medusa names them service_key_service_key; see composeTableName).
const PRODUCT_CERTIFICATION = "product_product_ocop_certification"
const PRODUCT_PRODUCER = "product_product_producer_producer"

// Seed's isCertifiedStatus: the product carries its stars.
const CERTIFIED = "effective IN ('active', 'unknown_validity')"

type Knex = { raw: (sql: string, bindings: Record<string, unknown>) => Promise<{ rows: Record<string, any>[] }> }

/** Adds whole days to a calendar date (YYYY-MM-DD). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/**
 * The province's figures in three grouped statements over certificates, their product links, producers and claims
 * — nothing is loaded row by row. A certificate's effective status follows @ocop/domain's effectiveCertificationStatus
 * (active past valid-until counts as expired, active without one is of unknown validity); a product counts once, by
 * its current certificate (the valid one, else one of unknown validity, else the latest not superseded, as the shop
 * shows it: @ocop/domain's pickCurrentCertification). Certified means valid or of unknown validity: both carry their stars.
 */
export async function readDashboard(scope: MedusaContainer, provinceCodes: string[]) {
  const knex = scope.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
  const today = todayInVietnam()
  const bindings = {
    codes: provinceCodes,
    today: `${today}T00:00:00Z`,
    in30: `${addDays(today, 30)}T00:00:00Z`,
    in90: `${addDays(today, 90)}T00:00:00Z`,
  }
  const current = `
    WITH cert AS (
      SELECT c.id, c.stars, c.product_group_code, c.valid_until, c.created_at, l.product_id,
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

  const [totals, sectors, producerTypes] = await Promise.all([
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
  ])
  const t = totals.rows[0]
  const n = (v: unknown) => Number(v ?? 0)
  const sectorCount = new Map(sectors.rows.map((r) => [r.sector ?? "", n(r.products)]))
  const typeCount = new Map(producerTypes.rows.map((r) => [r.type ?? null, n(r.products)]))
  return {
    today,
    province_codes: provinceCodes,
    products: {
      total: n(t.products),
      // Counted by the product's current certificate when it carries its stars (valid or of unknown validity).
      certified: n(t.products_certified),
      by_stars: Object.fromEntries(STAR_TIERS.map((stars) => [stars, n(t[`stars_${stars}`])])) as Record<StarTier, number>,
      by_sector: [
        ...productGroups
          .filter((g) => g.level === "sector")
          .map((g) => ({ code: g.code, name: g.name, products: sectorCount.get(g.code) ?? 0 })),
        { code: null, name: null, products: sectorCount.get("") ?? 0 },
      ],
      by_producer_type: [
        ...PRODUCER_TYPES.map((type) => ({ type, products: typeCount.get(type) ?? 0 })),
        { type: null, products: typeCount.get(null) ?? 0 },
      ],
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
  }
}

