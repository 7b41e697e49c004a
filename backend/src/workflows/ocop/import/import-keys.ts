import { createHash } from "node:crypto"
import { slugify } from "@ocop/domain"
import { listingIdentity, type CertificationRecord, type ListingFields } from "@ocop/seed"

/**
 * Which listed product a row is about: the seed's listingIdentity, the one rule the parser shares (punctuation
 * is part of a listed product's identity: "Dừa sáp sợi VICOSAP" and "Dừa sáp sợi (VICOSAP)" are two listings).
 * Stored as the product's external_id and the certificate's import_key, so a re-import finds what an earlier
 * import wrote.
 */
export function productImportKey(record: ListingFields): string {
  return importKeyOf(listingIdentity(record))
}

/** productImportKey of a record whose listingIdentity is known already. */
export function importKeyOf(identity: string): string {
  return `ocop:${identity}`
}

/** Everything about the certificate a list states; equal digests mean the row changes nothing. */
export function recordFingerprint(record: CertificationRecord): string {
  const certified = [
    record.stars,
    record.potential_five_star,
    record.score,
    record.decision_number,
    record.decision_date,
    record.valid_until,
    record.product_group_code,
    record.province_as_listed,
    record.district_as_listed,
    record.commune_as_listed,
    record.commune_code_2025,
  ]
  return createHash("sha1").update(JSON.stringify(certified)).digest("hex").slice(0, 20)
}

/**
 * Whether a row states the stored certificate again. Most lists have no product-group column: such a row leaves
 * the group the certificate already has (a list that had the column, the demo catalogue), so it is the same
 * certificate, not a re-evaluation that would drop the group.
 */
export function restatesCertificate(
  record: CertificationRecord,
  fingerprint: string,
  stored: { fingerprint: string | null; product_group_code: string | null }
): boolean {
  if (stored.fingerprint === fingerprint) return true
  if (record.product_group_code !== null || stored.product_group_code === null) return false
  return stored.fingerprint === recordFingerprint({ ...record, product_group_code: stored.product_group_code })
}

/** A product handle that stays unique across provinces and producers with the same product name. */
export function importHandle(record: Pick<CertificationRecord, "product_name" | "province_code_2025">, key: string): string {
  const slug = slugify(record.product_name).slice(0, 60)
  const digest = createHash("sha1").update(key).digest("hex").slice(0, 6)
  return `${slug}-${record.province_code_2025}-${digest}`
}
