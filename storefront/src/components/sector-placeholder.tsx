import { sectorDesign, type SectorDesign } from "@/lib/showcase"

/** Background and ink per QĐ 148 sector: each sector reads differently at a glance, with AA contrast for the motif. */
const PALETTE: Record<SectorDesign, { bg: string; accent: string; ink: string }> = {
  food: { bg: "#fdf1dc", accent: "#f3c979", ink: "#8a4b08" },
  drink: { bg: "#e3f1ec", accent: "#9fd2bd", ink: "#1f5c47" },
  herbal: { bg: "#eaf3dc", accent: "#b7d98b", ink: "#3d5c16" },
  craft: { bg: "#f6e7e1", accent: "#e0b29f", ink: "#7a3520" },
  ornamental: { bg: "#f3e6f1", accent: "#d9aed2", ink: "#6e2b64" },
  tourism: { bg: "#e4ecf7", accent: "#a9c1e4", ink: "#234a7d" },
  other: { bg: "#efece6", accent: "#d5cdbf", ink: "#5a4f3d" },
}

/** One motif per sector, drawn in a 120 × 120 box. */
function Motif({ design, ink, accent }: { design: SectorDesign; ink: string; accent: string }) {
  switch (design) {
    case "food": // a bowl of rice with chopsticks
      return (
        <g>
          <ellipse cx="60" cy="58" rx="30" ry="12" fill="#fff" stroke={ink} strokeWidth="3" />
          <path d="M30 60 Q60 100 90 60" fill={accent} stroke={ink} strokeWidth="3" />
          <path d="M74 30 L96 52 M80 26 L100 48" stroke={ink} strokeWidth="3" strokeLinecap="round" />
        </g>
      )
    case "drink": // a teapot
      return (
        <g fill={accent} stroke={ink} strokeWidth="3" strokeLinejoin="round">
          <path d="M36 56 Q36 90 60 90 Q84 90 84 56 Z" />
          <path d="M84 62 Q98 60 100 48" fill="none" />
          <path d="M36 64 Q24 66 24 76 Q24 84 36 82" fill="none" />
          <rect x="52" y="44" width="16" height="8" rx="3" />
        </g>
      )
    case "herbal": // a leaf with its veins
      return (
        <g stroke={ink} strokeWidth="3" strokeLinecap="round">
          <path d="M30 90 Q30 36 90 30 Q86 88 30 90 Z" fill={accent} />
          <path d="M30 90 L78 42 M48 72 L46 56 M60 60 L74 62" fill="none" />
        </g>
      )
    case "craft": // a woven basket
      return (
        <g stroke={ink} strokeWidth="3" fill="none">
          <path d="M28 52 L36 90 L84 90 L92 52 Z" fill={accent} />
          <path d="M40 52 Q60 20 80 52" />
          <path d="M32 64 L88 64 M34 76 L86 76 M48 52 L52 90 M60 52 L60 90 M72 52 L68 90" />
        </g>
      )
    case "ornamental": // a lotus flower
      return (
        <g stroke={ink} strokeWidth="3" fill={accent} strokeLinejoin="round">
          <path d="M60 34 Q74 56 60 82 Q46 56 60 34 Z" />
          <path d="M60 82 Q34 78 30 52 Q50 58 60 82 Z" />
          <path d="M60 82 Q86 78 90 52 Q70 58 60 82 Z" />
          <path d="M40 90 L80 90" fill="none" strokeLinecap="round" />
        </g>
      )
    case "tourism": // a stilt house below the hills
      return (
        <g stroke={ink} strokeWidth="3" strokeLinejoin="round">
          <path d="M14 74 L40 44 L60 64 L78 40 L106 74" fill={accent} />
          <path d="M42 70 L60 54 L78 70 Z" fill="#fff" />
          <path d="M46 70 L46 92 M74 70 L74 92 M42 80 L78 80" fill="none" />
        </g>
      )
    default: // a star in a circle: an OCOP product of an unknown group
      return (
        <g stroke={ink} strokeWidth="3" strokeLinejoin="round">
          <circle cx="60" cy="60" r="30" fill={accent} />
          <path d="M60 40 L66 54 L81 55 L69 64 L73 79 L60 70 L47 79 L51 64 L39 55 L54 54 Z" fill="#fff" />
        </g>
      )
  }
}

/**
 * What a listing without a photo shows: a designed placeholder for its QĐ 148 sector, never a grey box. Decorative
 * on cards (the title follows), labelled on the product page.
 */
export function SectorPlaceholder({ groupCode, label }: { groupCode: string | null | undefined; label?: string }) {
  const { design } = sectorDesign(groupCode)
  const colors = PALETTE[design]
  return (
    <svg
      className={`sector-placeholder sector-${design}`}
      data-testid="sector-placeholder"
      data-design={design}
      viewBox="0 0 120 120"
      preserveAspectRatio="xMidYMid slice"
      role={label ? "img" : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      <rect width="120" height="120" fill={colors.bg} />
      <circle cx="100" cy="18" r="28" fill={colors.accent} opacity="0.45" />
      <circle cx="14" cy="108" r="22" fill={colors.accent} opacity="0.35" />
      <Motif design={design} ink={colors.ink} accent={colors.accent} />
    </svg>
  )
}
