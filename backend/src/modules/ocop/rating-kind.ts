import type { RatingEventKind } from "./types"

/** How a new rating relates to the one it replaces: the history entry provinces report on. */
export function ratingKind(previousStars: number | null | undefined, stars: number): RatingEventKind {
  if (previousStars === null || previousStars === undefined) return "first_rating"
  if (stars > previousStars) return "upgrade"
  if (stars < previousStars) return "downgrade"
  return "re_evaluation"
}
