import { foldText } from "@ocop/domain"

/**
 * One typo in words of five or more letters, as buyers make them on phones: a typed word that is not in the
 * catalogue's vocabulary is replaced by the most frequent vocabulary word one edit away (insertion, deletion,
 * substitution or swap of neighbours). Lookup goes through single-deletion keys (the SymSpell idea), so it
 * costs a few map reads, not a scan of the catalogue.
 */
export const MIN_TYPO_WORD_LENGTH = 5

export type Vocabulary = { counts: Map<string, number>; byDeletion: Map<string, string[]> }

function tokens(text: string): string[] {
  return foldText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

function deletions(word: string): string[] {
  return Array.from({ length: word.length }, (_, i) => word.slice(0, i) + word.slice(i + 1))
}

export function buildVocabulary(texts: Iterable<string>): Vocabulary {
  const counts = new Map<string, number>()
  for (const text of texts) for (const token of tokens(text)) counts.set(token, (counts.get(token) ?? 0) + 1)
  const byDeletion = new Map<string, string[]>()
  for (const word of counts.keys()) {
    if (word.length < MIN_TYPO_WORD_LENGTH - 1) continue
    for (const key of [word, ...deletions(word)]) {
      const list = byDeletion.get(key)
      if (list) list.push(word)
      else byDeletion.set(key, [word])
    }
  }
  return { counts, byDeletion }
}

/** Optimal string alignment distance, capped: is `a` at most one edit from `b`? */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) {
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

function correctWord(word: string, vocabulary: Vocabulary): string {
  if (word.length < MIN_TYPO_WORD_LENGTH || vocabulary.counts.has(word)) return word
  const candidates = new Set<string>()
  for (const key of [word, ...deletions(word)]) for (const c of vocabulary.byDeletion.get(key) ?? []) candidates.add(c)
  let best: string | null = null
  for (const candidate of candidates) {
    if (!withinOneEdit(word, candidate)) continue
    if (!best || vocabulary.counts.get(candidate)! > vocabulary.counts.get(best)!) best = candidate
  }
  return best ?? word
}

/** The query with its typos corrected, folded; null when nothing needed correcting. */
export function correctQuery(q: string, vocabulary: Vocabulary): string | null {
  const words = tokens(q)
  const corrected = words.map((w) => correctWord(w, vocabulary))
  return corrected.some((w, i) => w !== words[i]) ? corrected.join(" ") : null
}
