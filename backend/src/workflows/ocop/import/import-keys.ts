import { createHash } from "node:crypto"
import { foldText, type CertificationRecord } from "@ocop/seed"
import { producerNameKey } from "../../../modules/producer/keys"

/** Letters and digits only: "Dừa sáp sợi (VICOSAP)" and "Dừa sáp sợi VICOSAP" are one listed product. */
function nameKey(name: string): string {
  return foldText(name).replace(/[^a-z0-9]+/g, " ").trim()
}

/**
 * Which listed product a row is about: province + product name + producer, folded. Stored as the product's
 * external_id and the certificate's import_key, so a re-import finds what an earlier import wrote.
 */
export function productImportKey(record: CertificationRecord): string {
  const producer = record.producer_name ? producerNameKey(record.producer_name) : "-"
  return `ocop:${record.province_code_2025}:${nameKey(record.product_name)}:${producer}`
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

/** A product handle that stays unique across provinces and producers with the same product name. */
export function importHandle(record: CertificationRecord, key: string): string {
  const slug = nameKey(record.product_name).replace(/ /g, "-").slice(0, 60)
  const digest = createHash("sha1").update(key).digest("hex").slice(0, 6)
  return `${slug}-${record.province_code_2025}-${digest}`
}

/**
 * "Tiềm năng 5 sao" lists name no tier, but a potential 5-star product is by definition a 4-star product the
 * province sent to the national council (DOMAIN.md), so it is certified 4★ with the flag set.
 */
export function certifiedStars(record: CertificationRecord): 3 | 4 | 5 {
  return record.stars ?? 4
}
