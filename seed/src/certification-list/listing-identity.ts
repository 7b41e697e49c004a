import { foldText, matchKey } from "@ocop/domain"
import type { CertificationRecord } from "./record-schema"

/**
 * Which listed product a row is about — the ONE identity the parser (duplicates, rating history) and the
 * backend importer (product external_id, certificate import_key) share.
 *
 * Product name: folded for case and diacritics only. Punctuation is part of a listed product's identity:
 * "Dừa sáp sợi VICOSAP" and "Dừa sáp sợi (VICOSAP)" are two listings (the samples' ground truth lists both),
 * and folding them into one made the second row vanish on import without a word.
 * Producer: letters and digits only ("HTX Phú Lương" = "HTX. Phú Lương"), the producer registry's own rule.
 * Without a producer, two products of one name in different communes belong to different producers, so the
 * place joins the identity.
 */
export type ListingFields = Pick<
  CertificationRecord,
  "province_code_2025" | "product_name" | "producer_name" | "district_as_listed" | "commune_as_listed"
>

/** Producer names compared on letters and digits ("Công ty TNHH A." = "công ty tnhh a"). */
export function producerIdentity(name: string): string {
  return matchKey(name)
}

export function listingIdentity(record: ListingFields): string {
  const name = foldText(record.product_name)
  if (record.producer_name) return JSON.stringify([record.province_code_2025, name, producerIdentity(record.producer_name)])
  return JSON.stringify([record.province_code_2025, name, null, foldText(record.district_as_listed ?? ""), foldText(record.commune_as_listed ?? "")])
}

/** What a row says about the rating itself; two rows of one listing differing here are two rating events. */
export type RatingFields = Pick<CertificationRecord, "stars" | "potential_five_star" | "decision_number" | "decision_date">

/**
 * A duplicate row is identical in product, producer, place, rating and decision; the same listing with another
 * rating or decision is its rating history (two years' lists pasted together, a re-rating), not a duplicate.
 * `identity`: the record's listingIdentity when the caller has it already.
 */
export function duplicateRowKey(record: ListingFields & RatingFields, identity: string = listingIdentity(record)): string {
  return JSON.stringify([
    identity,
    foldText(record.district_as_listed ?? ""),
    foldText(record.commune_as_listed ?? ""),
    record.stars,
    record.potential_five_star,
    foldText(record.decision_number ?? ""),
    record.decision_date,
  ])
}

/**
 * Splits records into rounds in which each listing appears at most once, its ratings in decision-date order
 * (an undated rating counts as the earliest; equal dates keep file order). Importing round after round makes the
 * latest decision the current certificate and keeps the earlier ones as its history.
 * `identityOf` lets a caller that already folded each record's identity (the importer's plan) pass it instead of
 * folding the names again: folding is most of what planning an unchanged list costs.
 */
export function ratingRounds<T extends ListingFields & RatingFields>(
  records: readonly T[],
  identityOf: (record: T) => string = listingIdentity
): T[][] {
  const byListing = new Map<string, T[]>()
  for (const record of records) {
    const key = identityOf(record)
    const list = byListing.get(key)
    if (list) list.push(record)
    else byListing.set(key, [record])
  }
  const rounds: T[][] = []
  for (const list of byListing.values()) {
    // Stable sort: equal dates keep file order.
    const ordered = list.length > 1 ? [...list].sort((a, b) => (a.decision_date ?? "").localeCompare(b.decision_date ?? "")) : list
    ordered.forEach((record, i) => (rounds[i] ??= []).push(record))
  }
  return rounds
}
