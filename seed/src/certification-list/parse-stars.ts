import { foldText } from "@ocop/domain"
import { memoize } from "./memo"

/**
 * Star tiers as lists write them: "3", "3 sao", "03 sao", "3*", "★★★", "Ba sao", "Hạng 4 sao",
 * "Tiềm năng 5 sao" (a 4★ product sent on to the national council, no tier of its own in that list) and
 * "4 sao (tiềm năng 5 sao)".
 */
export type StarsReading = { kind: "empty" } | { kind: "stars"; stars: number | null; potentialFiveStar: boolean } | { kind: "unreadable" }

const NUMBER_WORDS: Record<string, number> = { mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6 }
const POTENTIAL = /\(?\s*tiem nang(?:\s+(?:dat|hang|len))*(?:\s+(?:\d+|nam))?(?:\s*(?:sao|\*|★|⭐))?\s*\)?/g
const LEADING_WORDS = /^(?:(?:hang|dat|xep hang|phan hang|san pham|ocop|muc)\s+)+/
const TRAILING_WORDS = /(?:\s+(?:ocop|san pham))+$/
const DIGITS = /^0*(\d+)(?:[.,]0+)?\s*(?:sao|\*+|★|⭐)?$/
// "Bốn sao", "Bốn (04) sao" (the parentheses are gone by now), "04 (bốn) sao"
const WORD = /^(mot|hai|ba|bon|tu|nam|sau)(?:\s+0*\d)?(?:\s+sao)?$/
const DIGIT_WORD = /^0*(\d)\s+(?:mot|hai|ba|bon|tu|nam|sau)(?:\s+sao)?$/
const GLYPHS = /^[★⭐*☆✩✭]+$/

// A list uses a handful of notations for thousands of rows.
export const readStars: (text: string) => StarsReading = memoize(readStarsUncached)

function readStarsUncached(text: string): StarsReading {
  const folded = foldText(text)
  if (folded === "") return { kind: "empty" }
  const potentialFiveStar = folded.includes("tiem nang")
  const rest = folded
    .replace(POTENTIAL, " ")
    // "4 sao - tiềm năng 5 sao", "4 sao, tiềm năng 5 sao": the separator left behind is no part of the tier.
    .replace(/[()\-–—,;:]/g, " ")
    .trim()
    .replace(LEADING_WORDS, "")
    .replace(TRAILING_WORDS, "")
    .trim()
  if (rest === "") return potentialFiveStar ? { kind: "stars", stars: null, potentialFiveStar } : { kind: "unreadable" }

  const compact = rest.replace(/\s+/g, "")
  // Only filled stars count; "☆" is the empty star some templates print beside them.
  if (GLYPHS.test(compact)) return { kind: "stars", stars: compact.replace(/[☆✩]/g, "").length, potentialFiveStar }
  const digits = DIGITS.exec(rest)
  if (digits) return { kind: "stars", stars: Number(digits[1]), potentialFiveStar }
  const word = WORD.exec(rest)
  if (word) {
    // A word and a figure that disagree ("Bốn (03) sao") are unreadable, not a guess.
    const figure = /\d+/.exec(rest)
    if (figure && Number(figure[0]) !== NUMBER_WORDS[word[1]]) return { kind: "unreadable" }
    return { kind: "stars", stars: NUMBER_WORDS[word[1]], potentialFiveStar }
  }
  const digitWord = DIGIT_WORD.exec(rest)
  if (digitWord) {
    const named = NUMBER_WORDS[rest.split(/\s+/)[1]]
    return named === Number(digitWord[1]) ? { kind: "stars", stars: named, potentialFiveStar } : { kind: "unreadable" }
  }
  return { kind: "unreadable" }
}

const SECTION_TIER = /(?:^|\s)(\d+|mot|hai|ba|bon|nam)\s*(?:sao|\*|★)/

/**
 * The tier a section heading announces: "SẢN PHẨM ĐẠT 4 SAO" → 4; "SẢN PHẨM TIỀM NĂNG 5 SAO (ĐỀ XUẤT …)"
 * → potential without a tier; "Công nhận 03 sản phẩm đạt hạng 4 sao, gồm:" → 4 (the count is no tier).
 */
export function readSectionTier(text: string): { stars: number | null; potentialFiveStar: boolean } | null {
  const folded = foldText(text)
  const potentialFiveStar = folded.includes("tiem nang")
  const rest = folded.replace(POTENTIAL, " ")
  const match = SECTION_TIER.exec(rest)
  if (match) {
    const value = match[1]
    return { stars: NUMBER_WORDS[value] ?? Number(value), potentialFiveStar }
  }
  return potentialFiveStar ? { stars: null, potentialFiveStar } : null
}
