import { foldText, normalizeText } from "@ocop/domain"

/**
 * Cell conventions of hand-typed lists: placeholders that mean "no value", and remarks about the evaluation
 * typed after a product's name.
 */

/**
 * "-", "–", "—", "x", ".", "N/A", "không", "chưa có" … in an optional column mean "no value", never a reason
 * to reject the row (folded text: "không" → "khong").
 */
const PLACEHOLDER = /^(?:[-–—.x/…_*?]+|n\s*\/\s*a|na|k|kh|khong(?: co)?|chua(?: co)?(?: thong tin)?|chua xac dinh|khong ro)$/

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(foldText(text))
}

/** Remarks about the evaluation, never part of a product's name (folded). */
const NOTE_WORDS =
  /\b(?:danh gia lai|tai danh gia|nang hang|nang sao|ha hang|san pham moi|lan\s*(?:\d+|hai|ba|thu \w+)|cong nhan lai|cap lai|tai cong nhan|gia han|danh gia nam \d{4}|nam \d{4})\b/
const TRAILING_BRACKET = /\s*[([]([^()[\]]*)[)\]]\s*$/
const TRAILING_DASH = /\s+[-–—:]\s+([^-–—:]+)$/

/** A "Ghi chú" cell that remarks on the evaluation ("Công nhận lại", "Nâng hạng từ 3 lên 4 sao"), else null. */
export function evaluationRemark(text: string | undefined): string | null {
  if (!text) return null
  const remark = normalizeText(text)
  return NOTE_WORDS.test(foldText(remark)) && remark.length <= 200 ? remark : null
}

/**
 * "Chè Shan tuyết (đánh giá lại)" → name "Chè Shan tuyết", note "đánh giá lại"; "Cà phê – nâng hạng" likewise.
 * A parenthesis that is part of a brand ("Dừa sáp sợi (VICOSAP)", "(Chappi Mountains Coffee)") names no
 * evaluation and stays in the name.
 */
export function splitNameNote(productName: string): { name: string; note: string | null } {
  let name = normalizeText(productName)
  const notes: string[] = []
  for (;;) {
    const match = TRAILING_BRACKET.exec(name) ?? TRAILING_DASH.exec(name)
    if (!match || !NOTE_WORDS.test(foldText(match[1]))) break
    const rest = name.slice(0, match.index).trim()
    if (!rest) break // nothing left of the name: the text is the name
    notes.unshift(normalizeText(match[1]))
    name = rest
  }
  return { name, note: notes.length ? notes.join("; ") : null }
}
