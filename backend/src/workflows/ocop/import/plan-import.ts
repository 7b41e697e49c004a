import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { duplicateRowKey, echoValue, listingIdentity, ratingRounds, type CertificationRecord, type RowError } from "@ocop/seed"
import { certifiedStars, ratingKind } from "@ocop/domain"
import { importKeyOf, recordFingerprint, restatesCertificate } from "./import-keys"

export type ImportMode = "certify" | "revoke"

export type PlannedRow = {
  key: string
  fingerprint: string
  record: CertificationRecord
  /** the product, when an earlier import or the operator created it */
  product_id: string | null
  /**
   * What it replaces: the stored certificate (id, its status to restore on undo), or, for a later rating of the
   * same listing in this request, the earlier row's rating (id null: that certificate is issued as history).
   */
  supersedes: { id: string | null; stars: number; status: string } | null
  /** a later rating of the same listing in this request replaces this one: it is issued already superseded */
  superseded_in_request: boolean
  /** 0 for a listing's earliest rating in the request, 1 for the next…: certificates are issued round by round */
  round: number
}

export type ImportRowError = RowError

export type ImportPlan = {
  create: PlannedRow[]
  /** existing products left without their producer link (an import killed between two steps) */
  relinkProducer: PlannedRow[]
  recertify: PlannedRow[]
  revoke: { id: string; source_row: number }[]
  unchanged: number
  rejected: ImportRowError[]
  sales_channel_id: string | null
}

// The product ↔ producer link table (defined in src/links/product-producer.ts; see api/curator/dashboard/read-dashboard.ts).
const PRODUCT_PRODUCER = "product_product_producer_producer"

/**
 * Import keys per read statement, given as one JSON text parameter (far below PostgreSQL's limit of bind parameters;
 * and JSON.stringify is native, where pg's escaping of an array parameter in JavaScript took 0.2 s for 20,000 keys).
 */
const READ_CHUNK = 5000

type Knex = { raw: (sql: string, bindings: unknown[]) => Promise<{ rows: any[] }> }

/**
 * Reads what exists for the rows — two queries per chunk of keys — and decides for each row
 * whether it creates a product, re-certifies one, revokes one, or changes nothing. Writes nothing.
 */
export async function planImport(container: MedusaContainer, records: CertificationRecord[], mode: ImportMode): Promise<ImportPlan> {
  // Each record's listing identity is folded once (diacritics, case): the rounds, the import key and the duplicate
  // check all start from it, and folding it three times was most of the CPU of planning an unchanged list.
  const identity = new Map<CertificationRecord, string>()
  for (const record of records) identity.set(record, listingIdentity(record))
  const identityOf = (record: CertificationRecord) => identity.get(record)!
  // One request is one workflow, so a listing rated twice in it (two years' lists pasted together) is planned as
  // a chain in decision-date order (ratingRounds, the seed's rule): each rating supersedes the one before it, the
  // last one stays current, whatever the order of the rows in the file.
  const keyed = ratingRounds(records, identityOf).flatMap((round, index) =>
    round.map((record) => ({ record, round: index, key: importKeyOf(identityOf(record)), fingerprint: recordFingerprint(record) }))
  )
  const keys = [...new Set(keyed.map((r) => r.key))]

  // Plain SQL, not Query and the modules' list methods: these reads return a few columns of up to 20,000 products and
  // certificates, and building MikroORM entities for them (a product entity with all its collections, the link, the
  // producer) and serialising them back was two thirds of an unchanged re-import's time. The same rows as
  // query.graph's `producer.id` and listCertifications: deleted products, links, producers and certificates left out.
  // Read in chunks of READ_CHUNK keys, each chunk's keys one parameter: a 50,000-row list must not become one
  // statement of 50,000 keys, nor 100 round trips (each statement is planned again, 20–70 ms for 500 keys on a busy
  // machine: the 40 of a 20,000-row list were half of an unchanged re-import's time).
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as Knex
  const products: { id: string; external_id: string; has_producer: boolean }[] = []
  const certifications: {
    id: string
    import_key: string
    fingerprint: string | null
    product_group_code: string | null
    status: string
    stars: number
  }[] = []
  for (let start = 0; start < keys.length; start += READ_CHUNK) {
    const keysJson = JSON.stringify(keys.slice(start, start + READ_CHUNK))
    const [found, certified] = await Promise.all([
      knex.raw(
        `SELECT p.id, p.external_id,
                EXISTS (SELECT 1 FROM "${PRODUCT_PRODUCER}" l JOIN producer pr ON pr.id = l.producer_id AND pr.deleted_at IS NULL
                         WHERE l.product_id = p.id AND l.deleted_at IS NULL) AS has_producer
           FROM product p WHERE p.external_id = ANY(ARRAY(SELECT json_array_elements_text(?::json))) AND p.deleted_at IS NULL`,
        [keysJson]
      ),
      // Superseded ones too: a list re-imported with a listing's earlier rating finds that rating already in history.
      knex.raw(
        `SELECT id, import_key, fingerprint, product_group_code, status, stars FROM certification
          WHERE import_key = ANY(ARRAY(SELECT json_array_elements_text(?::json))) AND deleted_at IS NULL
          ORDER BY created_at DESC, id DESC`,
        [keysJson]
      ),
    ])
    products.push(...found.rows)
    certifications.push(...certified.rows)
  }
  const productByKey = new Map<string, string>(products.map((p) => [p.external_id, p.id]))
  const linkedToProducer = new Set<string>(products.filter((p) => p.has_producer).map((p) => p.id))
  const currentByKey = new Map<string, (typeof certifications)[number]>()
  const historyByKey = new Map<string, Set<string>>()
  for (const cert of certifications) {
    if (cert.status !== "superseded" && !currentByKey.has(cert.import_key)) currentByKey.set(cert.import_key, cert)
    if (cert.fingerprint) historyByKey.set(cert.import_key, (historyByKey.get(cert.import_key) ?? new Set()).add(cert.fingerprint))
  }
  const lastRound = new Map<string, number>()
  for (const { key, round } of keyed) lastRound.set(key, round)

  const plan: ImportPlan = {
    create: [],
    relinkProducer: [],
    recertify: [],
    revoke: [],
    unchanged: 0,
    rejected: [],
    sales_channel_id: null,
  }
  // The same rating listed twice is a duplicate, reported, never silently folded into the first (same rule as the
  // file reader's: duplicateRowKey; or rows stating the same certificate).
  const firstRowOf = new Map<string, number>()
  // The latest planned row of each listing in this request: the next rating of that listing supersedes it.
  const planned = new Map<string, PlannedRow>()
  const revoking = new Set<string>()
  for (const { record, round, key, fingerprint } of keyed) {
    const duplicateKey = duplicateRowKey(record, identityOf(record))
    const first = firstRowOf.get(duplicateKey) ?? firstRowOf.get(`${key}|${fingerprint}`)
    if (first !== undefined || (mode === "revoke" && revoking.has(key))) {
      plan.rejected.push({
        source_row: record.source_row,
        column: "product_name",
        value: echoValue(record.product_name),
        code: "duplicate_row",
        message:
          `product_name: trùng với một dòng khác của cùng sản phẩm trong lô nhập${first !== undefined ? ` (dòng ${first})` : ""}` +
          " / repeats another row of the same product in this import",
      })
      continue
    }
    firstRowOf.set(duplicateKey, record.source_row)
    firstRowOf.set(`${key}|${fingerprint}`, record.source_row)
    const productId = productByKey.get(key) ?? null
    const current = currentByKey.get(key)
    if (mode === "revoke") {
      revoking.add(key)
      if (!current) {
        plan.rejected.push({
          source_row: record.source_row,
          column: "product_name",
          value: echoValue(record.product_name),
          code: "not_certified",
          message: "product_name: không tìm thấy chứng nhận OCOP của sản phẩm này để thu hồi / no OCOP certificate of this product to revoke",
        })
      } else if (current.status === "revoked") {
        plan.unchanged++
      } else {
        plan.revoke.push({ id: current.id, source_row: record.source_row })
      }
      continue
    }
    const previous = planned.get(key)
    const isLast = lastRound.get(key) === round
    // Unchanged: the listing's last rating here is the current certificate (restatesCertificate), or an earlier rating here is already
    // in its history (the same two-year list imported again changes nothing).
    if (!previous && ((current && restatesCertificate(record, fingerprint, current)) || (!isLast && historyByKey.get(key)?.has(fingerprint)))) {
      plan.unchanged++
      if (productId && record.producer_name && !linkedToProducer.has(productId)) {
        plan.relinkProducer.push(rowFor(record, key, fingerprint, productId, null, round))
        linkedToProducer.add(productId)
      }
      continue
    }
    const supersedes = previous
      ? { id: null, stars: certifiedStars(previous.record), status: "superseded" }
      : current && current.status !== "revoked"
        ? { id: current.id, stars: current.stars, status: current.status }
        : null
    const row = rowFor(record, key, fingerprint, productId, supersedes, round)
    if (previous) previous.superseded_in_request = true
    planned.set(key, row)
    if (productId && record.producer_name && !linkedToProducer.has(productId)) {
      plan.relinkProducer.push(row)
      linkedToProducer.add(productId)
    }
    // The listing's first new rating creates its product; its later ones re-certify that product.
    if (productId || previous) plan.recertify.push(row)
    else plan.create.push(row)
  }

  if (plan.create.length) {
    const [store] = await container.resolve(Modules.STORE).listStores({}, { select: ["default_sales_channel_id"] })
    plan.sales_channel_id = store?.default_sales_channel_id ?? null
  }
  return plan
}

function rowFor(
  record: CertificationRecord,
  key: string,
  fingerprint: string,
  productId: string | null,
  supersedes: PlannedRow["supersedes"],
  round: number
): PlannedRow {
  return { key, fingerprint, record, product_id: productId, supersedes, superseded_in_request: false, round }
}

export function ratingKindFor(row: PlannedRow) {
  return ratingKind(row.supersedes?.stars, certifiedStars(row.record))
}
