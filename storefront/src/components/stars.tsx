import { getTranslations } from "next-intl/server"
import type { BadgeKind } from "@/lib/certificate-display"

/**
 * The OCOP badge. Shown only for a certified product: an expired or revoked certificate earns no badge, which
 * is why buyers can trust it. A certificate listed without a decision date shows its stars with "validity not
 * verified" beside them, never as valid; a potential 5★ product shows its 4★ and the proposal, as the list says.
 */
export async function StarBadge({
  stars,
  badge,
  proposedFiveStar = false,
  size = "small",
}: {
  stars: number | null
  badge: BadgeKind | null
  proposedFiveStar?: boolean
  size?: "small" | "large"
}) {
  if (!stars || !badge) return null
  const t = await getTranslations("ocop")
  return (
    <span className={`star-badge star-badge-${size} star-badge-${badge}`} data-testid="star-badge">
      <span role="img" aria-label={t(badge === "valid" ? "badgeLabel" : "badgeLabelUnverified", { stars })}>
        <span aria-hidden="true">OCOP </span>
        <span aria-hidden="true" className="star-badge-stars">
          {"★".repeat(stars)}
        </span>
      </span>
      {badge === "unverified" ? <span className="star-badge-note"> · {t("statuses.unknown_validity")}</span> : null}
      {proposedFiveStar ? <span className="star-badge-note"> · {t("proposedFiveStar")}</span> : null}
    </span>
  )
}
