import { getTranslations } from "next-intl/server"

/**
 * The OCOP badge. Shown only for a certificate that is active today: an expired or revoked one earns no badge,
 * which is why buyers can trust it.
 */
export async function StarBadge({ stars, active, size = "small" }: { stars: number | null; active: boolean; size?: "small" | "large" }) {
  if (!stars || !active) return null
  const t = await getTranslations("ocop")
  return (
    <span className={`star-badge star-badge-${size}`} role="img" aria-label={t("badgeLabel", { stars })}>
      <span aria-hidden="true">OCOP </span>
      <span aria-hidden="true" className="star-badge-stars">
        {"★".repeat(stars)}
      </span>
    </span>
  )
}
