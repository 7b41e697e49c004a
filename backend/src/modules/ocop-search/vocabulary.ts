import { buildVocabulary, type Vocabulary } from "@ocop/search"

/**
 * The words of published product titles and producer names, for correcting typed queries. Rebuilt at most once
 * per `maxAgeMs`, and only when a search needs typo correction; dropped when the catalogue changes.
 */
export class VocabularyCache {
  private current: { vocabulary: Promise<Vocabulary>; builtAt: number } | null = null

  constructor(
    private readonly readNames: () => Promise<string[]>,
    private readonly maxAgeMs: number
  ) {}

  load(): Promise<Vocabulary> {
    if (this.current && Date.now() - this.current.builtAt < this.maxAgeMs) return this.current.vocabulary
    const vocabulary = this.readNames().then(buildVocabulary)
    const entry = { vocabulary, builtAt: Date.now() }
    this.current = entry
    vocabulary.catch(() => this.current === entry && (this.current = null))
    return vocabulary
  }

  invalidate() {
    this.current = null
  }
}
