import { LAPSED_CERTIFICATION_STATUSES } from "@ocop/domain"

/**
 * Issue 14: every certified product is listed at once, most of them before their producer sells online. These
 * are the rules a card, a product page and the search page share for such a "showcase" listing.
 */

/** QĐ 148/QĐ-TTg sectors (ngành) → the placeholder design drawn when a listing has no photo. */
export const SECTOR_DESIGNS = {
  I: "food",
  II: "drink",
  III: "herbal",
  IV: "craft",
  V: "ornamental",
  VI: "tourism",
} as const
export type SectorDesign = (typeof SECTOR_DESIGNS)[keyof typeof SECTOR_DESIGNS] | "other"

/** The sector of any group code ("I.5.b" → "I") and its design; unknown or missing codes get a neutral one. */
export function sectorDesign(groupCode: string | null | undefined): { sector: string | null; design: SectorDesign } {
  const sector = groupCode ? groupCode.split(".")[0] : null
  const design = sector && sector in SECTOR_DESIGNS ? SECTOR_DESIGNS[sector as keyof typeof SECTOR_DESIGNS] : "other"
  return { sector: design === "other" ? null : sector, design }
}

/** Certificates that no longer carry stars: the listing stays reachable by address, marked, never promoted. */
const LAPSED = new Set<string>(LAPSED_CERTIFICATION_STATUSES)

export type ListingInput = {
  /** the search index's verdict; a product page passes whether any variant has a VND price */
  buyable: boolean | null | undefined
  price: { amount: number } | null | undefined
  certificationStatus: string | null | undefined
  hasProducer: boolean
}

export type ListingDisplay = {
  /** "buyable": price and add-to-cart; "showcase": certified, "not sold online yet" in place of a price */
  kind: "buyable" | "showcase"
  /** whether to show the price, or the "Chưa bán trực tuyến" / "Not sold online yet" label */
  showPrice: boolean
  canAddToCart: boolean
  /** the producer's public contact and "Nhận quản lý gian hàng" (the claim page) */
  showClaim: boolean
  /** expired or revoked: marked plainly, no star badge */
  lapsed: boolean
}

export function describeListing(input: ListingInput): ListingDisplay {
  // Older index documents have no `buyable`: a price is the best evidence then.
  const buyable = input.buyable ?? Boolean(input.price)
  const lapsed = LAPSED.has(input.certificationStatus ?? "")
  const showcase = !buyable || !input.price
  return {
    kind: showcase ? "showcase" : "buyable",
    showPrice: !showcase,
    canAddToCart: !showcase,
    showClaim: showcase && input.hasProducer,
    lapsed,
  }
}
