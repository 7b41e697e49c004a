import type { EffectiveCertificationStatus } from "@ocop/domain"
import type { Certification } from "@ocop/contracts"

/**
 * What the shop may say about a certificate, decided once for the badge, the certificate facts, the certificate
 * page, product cards and the JSON-LD. The backend sends the effective status (@ocop/domain's
 * effectiveCertificationStatus): `unknown_validity` is a certificate the list states without a decision date —
 * certified, but nothing says until when, so it is never shown as "valid".
 */
export type DisplayStatus = EffectiveCertificationStatus
export type BadgeKind = "valid" | "unverified"

export type CertificateDisplay = {
  status: DisplayStatus
  /** which star badge to show, or none (expired, revoked, superseded) */
  badge: BadgeKind | null
  /** whether the shop may claim the certificate is valid today */
  claimsValidity: boolean
  /** "tiềm năng 5 sao": certified 4★ and proposed to the national council for 5★ — exactly what the list says */
  proposedFiveStar: boolean
}

/** The shop renders the status it is told; a missing status (no certificate) shows no badge. */
export function describeStatus(status: DisplayStatus | null | undefined): CertificateDisplay {
  const badge: BadgeKind | null = status === "active" ? "valid" : status === "unknown_validity" ? "unverified" : null
  return { status: status ?? "expired", badge, claimsValidity: status === "active", proposedFiveStar: false }
}

export function describeCertificate(cert: Pick<Certification, "status" | "potential_five_star">): CertificateDisplay {
  const display = describeStatus(cert.status)
  return { ...display, proposedFiveStar: cert.potential_five_star && display.badge !== null }
}

/**
 * The schema.org Certification a product page may publish: none without a badge, and no validity dates unless
 * the certificate is known to be valid.
 */
export function certificationClaim(
  cert: Pick<Certification, "status" | "potential_five_star" | "stars" | "decision_number" | "valid_from" | "valid_until">
) {
  const display = describeCertificate(cert)
  if (!display.badge) return null
  return {
    "@type": "Certification" as const,
    name: `OCOP ${cert.stars} sao`,
    certificationIdentification: cert.decision_number ?? undefined,
    ...(display.claimsValidity ? { validFrom: cert.valid_from ?? undefined, expires: cert.valid_until ?? undefined } : {}),
    certificationStatus: display.claimsValidity ? undefined : "Chưa xác minh thời hạn",
    certificationRating: { "@type": "Rating" as const, ratingValue: cert.stars, bestRating: 5, worstRating: 3 },
  }
}
