import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { buildVocabulary, type Vocabulary } from "@ocop/search"
import { onCatalogChange } from "../../lib/catalog-change-broadcast"

// Rebuilt at most once a minute, and only when a search needs typo correction.
const MAX_AGE_MS = 60_000
let current: { vocabulary: Promise<Vocabulary>; builtAt: number } | null = null

/** The words of published product titles and producer names, for correcting typed queries. */
export function loadSearchVocabulary(scope: MedusaContainer): Promise<Vocabulary> {
  if (current && Date.now() - current.builtAt < MAX_AGE_MS) return current.vocabulary
  const vocabulary = (async () => {
    const query = scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "product",
      fields: ["title", "producer.name"],
      filters: { status: "published" },
    })
    return buildVocabulary(data.flatMap((p: any) => [p.title, p.producer?.name].filter(Boolean)))
  })()
  current = { vocabulary, builtAt: Date.now() }
  vocabulary.catch(() => (current = null))
  return vocabulary
}

export function invalidateSearchVocabulary() {
  current = null
}

// Scaled out, the subscriber that drops this runs in the worker process only: it reaches this one over Redis.
onCatalogChange(invalidateSearchVocabulary)
