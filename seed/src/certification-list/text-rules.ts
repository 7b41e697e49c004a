/**
 * Rules for the text of a list that both import paths (file reader and JSON rows) apply: markup is refused,
 * and a value echoed back in an error is cut short so that a hostile 100,000-character cell is not sent back.
 */

// Any HTML tag or comment, script URLs, inline event handlers and encoded angle brackets. A bare "<" before
// a digit ("<5% tấm") is text, not markup.
const MARKUP = [
  /<\s*\/?\s*[a-z!?][^>]*>?/i,
  /(?:java|vb)script\s*:/i,
  /data\s*:\s*text\/html/i,
  /\bon[a-z]{3,}\s*=/i,
  /&(?:lt|gt|#0*60|#x0*3c|#0*62|#x0*3e);/i,
]

// Every pattern needs one of these characters: most cells have none and skip the patterns (the record schema runs
// this on every text field of every row).
const MARKUP_CHARACTERS = /[<&:=]/

export function containsMarkup(text: string): boolean {
  return MARKUP_CHARACTERS.test(text) && MARKUP.some((pattern) => pattern.test(text))
}

/** Longest value an error message or report echoes back. */
export const ECHO_LIMIT = 100

/** A value as an error may quote it: at most ECHO_LIMIT characters. */
export function echoValue(text: string): string {
  return text.length > ECHO_LIMIT ? `${text.slice(0, ECHO_LIMIT)}…` : text
}

/** HTML-escapes a rejected value so that the error report itself never carries live markup, then cuts it short. */
export function neutralizeMarkup(text: string): string {
  return echoValue(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
}
