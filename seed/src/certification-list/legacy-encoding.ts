/**
 * Vietnamese text typed in the pre-Unicode 8-bit encodings that provincial offices still use:
 * TCVN3 (ABC, fonts ".VnTime", ".VnArial" …) and VNI-Windows (fonts "VNI-Times" …).
 *
 * Such text reaches us two ways: as bytes (a CSV/TXT saved in the legacy code page) and as Unicode strings
 * holding Latin-1 look-alikes (an XLSX cell typed with a .VnTime font stores "Th¸i B×nh" for "Thái Bình").
 * Both are handled on strings whose characters are U+0000–U+00FF: bytes are first decoded as windows-1252.
 *
 * The tables are written here because the only permissively licensed npm converter found
 * (vietnamese-conversion 2.0.0) maps VNI "ỹ" and "ì" to the same code and mangles ơ/ư with tones by replacing
 * in table order; it also compiles a regular expression per character on every call.
 */

export type LegacyEncoding = "tcvn3" | "vni"

/**
 * TCVN 5712:1993 upper half (code point = byte). ABC fonts (VN3) use the lower-case letters and the seven
 * toneless capitals; the other capitals are VN1 additions, harmless to decode. The VN1 combining tone marks at
 * 0xB0–0xB4 are left out: ABC fonts never contain them and they are common Latin-1 symbols (°, ±, ², ³, ´).
 */
export const TCVN3_CHARS: Readonly<Record<number, string>> = {
  0xa1: "Ă",
  0xa2: "Â",
  0xa3: "Ê",
  0xa4: "Ô",
  0xa5: "Ơ",
  0xa6: "Ư",
  0xa7: "Đ",
  0xa8: "ă",
  0xa9: "â",
  0xaa: "ê",
  0xab: "ô",
  0xac: "ơ",
  0xad: "ư",
  0xae: "đ",
  0xaf: "Ằ",
  0xb5: "à",
  0xb6: "ả",
  0xb7: "ã",
  0xb8: "á",
  0xb9: "ạ",
  0xba: "Ẳ",
  0xbb: "ằ",
  0xbc: "ẳ",
  0xbd: "ẵ",
  0xbe: "ắ",
  0xbf: "Ẵ",
  0xc0: "Ắ",
  0xc1: "Ầ",
  0xc2: "Ẩ",
  0xc3: "Ẫ",
  0xc4: "Ấ",
  0xc5: "Ề",
  0xc6: "ặ",
  0xc7: "ầ",
  0xc8: "ẩ",
  0xc9: "ẫ",
  0xca: "ấ",
  0xcb: "ậ",
  0xcc: "è",
  0xcd: "Ể",
  0xce: "ẻ",
  0xcf: "ẽ",
  0xd0: "é",
  0xd1: "ẹ",
  0xd2: "ề",
  0xd3: "ể",
  0xd4: "ễ",
  0xd5: "ế",
  0xd6: "ệ",
  0xd7: "ì",
  0xd8: "ỉ",
  0xd9: "Ễ",
  0xda: "Ế",
  0xdb: "Ồ",
  0xdc: "ĩ",
  0xdd: "í",
  0xde: "ị",
  0xdf: "ò",
  0xe0: "Ổ",
  0xe1: "ỏ",
  0xe2: "õ",
  0xe3: "ó",
  0xe4: "ọ",
  0xe5: "ồ",
  0xe6: "ổ",
  0xe7: "ỗ",
  0xe8: "ố",
  0xe9: "ộ",
  0xea: "ờ",
  0xeb: "ở",
  0xec: "ỡ",
  0xed: "ớ",
  0xee: "ợ",
  0xef: "ù",
  0xf0: "Ỗ",
  0xf1: "ủ",
  0xf2: "ũ",
  0xf3: "ú",
  0xf4: "ụ",
  0xf5: "ừ",
  0xf6: "ử",
  0xf7: "ữ",
  0xf8: "ứ",
  0xf9: "ự",
  0xfa: "ỳ",
  0xfb: "ỷ",
  0xfc: "ỹ",
  0xfd: "ý",
  0xfe: "ỵ",
  0xff: "Ố",
}

/**
 * Characters that betray TCVN3: ABC letters that are rare in real Latin-1 or Unicode Vietnamese text
 * (ý, Ð, ê … are left out because Unicode Vietnamese uses them, or CP1258 writes Đ as Ð).
 */
const TCVN3_SIGNALS = new Set("¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾×Þßþ÷Ç")
/** Code points that an ABC font never produces: a string containing them is not TCVN3. */
const TCVN3_IMPOSSIBLE = new Set("ÀÁÂÃÄÅàð")

const COMBINING = { acute: "\u0301", grave: "\u0300", hook: "\u0309", tilde: "\u0303", dot: "\u0323" } as const
const CIRCUMFLEX = "\u0302"
const BREVE = "\u0306"

/**
 * VNI-Windows writes a vowel followed by a modifier byte. Each modifier adds marks to the vowel before it;
 * `bases` lists the (folded, lower-case) vowels it may follow.
 */
type VniModifier = { marks: string; bases: string }
const VNI_MODIFIERS: Record<string, VniModifier> = {}
function addModifier(lower: string, upper: string, marks: string, bases: string) {
  VNI_MODIFIERS[lower] = { marks, bases }
  VNI_MODIFIERS[upper] = { marks, bases }
}
addModifier("ù", "Ù", COMBINING.acute, "aeiouyăâêôơư")
addModifier("ø", "Ø", COMBINING.grave, "aeiouyăâêôơư")
addModifier("û", "Û", COMBINING.hook, "aeiouyăâêôơư")
addModifier("õ", "Õ", COMBINING.tilde, "aeiouyăâêôơư")
addModifier("ï", "Ï", COMBINING.dot, "aeiouyăâêôơư")
addModifier("â", "Â", CIRCUMFLEX, "aeo")
addModifier("á", "Á", CIRCUMFLEX + COMBINING.acute, "aeo")
addModifier("à", "À", CIRCUMFLEX + COMBINING.grave, "aeo")
addModifier("å", "Å", CIRCUMFLEX + COMBINING.hook, "aeo")
addModifier("ã", "Ã", CIRCUMFLEX + COMBINING.tilde, "aeo")
addModifier("ä", "Ä", CIRCUMFLEX + COMBINING.dot, "aeo")
addModifier("ê", "Ê", BREVE, "a")
addModifier("é", "É", BREVE + COMBINING.acute, "a")
addModifier("è", "È", BREVE + COMBINING.grave, "a")
addModifier("ú", "Ú", BREVE + COMBINING.hook, "a")
addModifier("ü", "Ü", BREVE + COMBINING.tilde, "a")
addModifier("ë", "Ë", BREVE + COMBINING.dot, "a")

/** VNI bytes that stand for a whole letter. */
const VNI_LETTERS: Record<string, string> = {
  ñ: "đ",
  Ñ: "Đ",
  ô: "ơ",
  Ô: "Ơ",
  ö: "ư",
  Ö: "Ư",
  í: "í",
  ì: "ì",
  æ: "ỉ",
  ó: "ĩ",
  ò: "ị",
  Í: "Í",
  Ì: "Ì",
  Æ: "Ỉ",
  Ó: "Ĩ",
  Ò: "Ị",
  î: "ỵ",
  Î: "Ỵ",
}
/** A vowel directly followed by a VNI modifier: the signature of VNI text. */
const VNI_PAIR = /[aA][âáàåãäêéèúüëùøûõïÂÁÀÅÃÄÊÉÈÚÜËÙØÛÕÏ]|[eEoO][âáàåãäùøûõïÂÁÀÅÃÄÙØÛÕÏ]|[uUyYôöÔÖ][ùøûõïÙØÛÕÏ]/g
/** Code points VNI never produces (all of 0xA1–0xBF and a few letters). */
const VNI_IMPOSSIBLE = /[\u00a1-\u00bfÇÐ×ÝÞßçð÷ýþÿ]/

/** Characters past Latin-1 other than the windows-1252 punctuation an 8-bit file may hold (… – “ ”). */
const BEYOND_LATIN1 = /[^\u0000-\u00ff\u2013\u2014\u2018-\u201e\u2026\u20ac]/

/** Letters that exist only in Unicode Vietnamese: a string holding them is already Unicode. */
const UNICODE_VIETNAMESE = /[ăĂơƠưƯđĐĩĨũŨ\u1ea0-\u1ef9]/

export type LegacyScore = {
  /** tell-tale TCVN3 characters (0 when the text holds a character TCVN3 cannot produce) */
  tcvn3: number
  /** vowel + VNI modifier pairs (0 when the text holds a character VNI cannot produce) */
  vni: number
  tcvn3Possible: boolean
  vniPossible: boolean
  /** the text holds letters that exist only in Unicode Vietnamese */
  unicode: boolean
}

/** How strongly a string looks like TCVN3 or VNI (number of tell-tale characters), or like real Unicode. */
export function scoreLegacyText(text: string): LegacyScore {
  if (UNICODE_VIETNAMESE.test(text)) return { tcvn3: 0, vni: 0, tcvn3Possible: false, vniPossible: false, unicode: true }
  let tcvn3 = 0
  let tcvn3Possible = true
  for (const ch of text) {
    if (TCVN3_SIGNALS.has(ch)) tcvn3++
    else if (TCVN3_IMPOSSIBLE.has(ch) || ch.charCodeAt(0) > 0xff) tcvn3Possible = false
  }
  const vniPossible = !VNI_IMPOSSIBLE.test(text) && !BEYOND_LATIN1.test(text)
  const vni = vniPossible ? (text.match(VNI_PAIR)?.length ?? 0) : 0
  return { tcvn3: tcvn3Possible ? tcvn3 : 0, vni, tcvn3Possible, vniPossible, unicode: false }
}

/**
 * Repairs the case of words typed with an upper-case-only font (.VnTimeH) or in capitals: TCVN3 has no
 * toned capitals, so "HãA" is how "HÓA" was typed. A word with two or more ASCII capitals and no ASCII
 * lower-case letter is taken as all capitals.
 */
function repairCapitals(text: string): string {
  return text.replace(/[^\s,;:()/.-]+/g, (word) => {
    const capitals = word.match(/[A-Z]/g)?.length ?? 0
    return capitals >= 2 && !/[a-z]/.test(word) ? word.toUpperCase() : word
  })
}

export function convertTcvn3(text: string, options: { upperCaseFont?: boolean } = {}): string {
  let out = ""
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    out += code >= 0xa1 && code <= 0xff ? (TCVN3_CHARS[code] ?? ch) : ch
  }
  return options.upperCaseFont ? out.toUpperCase() : repairCapitals(out).normalize("NFC")
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/
const TONE_MARKS_ALL = /[\u0300\u0301\u0303\u0309\u0323]/g

export function convertVni(text: string): string {
  const out: string[] = []
  for (const ch of text) {
    const modifier = VNI_MODIFIERS[ch]
    if (modifier && out.length > 0) {
      const decomposed = out[out.length - 1].normalize("NFD")
      // The vowel with its circumflex/breve/horn but without tone, e.g. "ơ" for "ớ".
      const bareVowel = decomposed.replace(TONE_MARKS_ALL, "").normalize("NFC").toLowerCase()
      // A vowel takes one tone only: "aùù" is not VNI, the second "ù" stays a letter.
      const toneClash = TONE_MARKS.test(modifier.marks) && TONE_MARKS.test(decomposed)
      if (modifier.bases.includes(bareVowel) && !toneClash) {
        out[out.length - 1] = (decomposed + modifier.marks).normalize("NFC")
        continue
      }
    }
    out.push(VNI_LETTERS[ch] ?? ch)
  }
  return out.join("").normalize("NFC")
}

export function convertLegacyText(text: string, encoding: LegacyEncoding, options?: { upperCaseFont?: boolean }) {
  return encoding === "tcvn3" ? convertTcvn3(text, options) : convertVni(text)
}

/** Encoding named by a cell's font, if the font is one of the legacy families. */
export function encodingFromFont(fontName: string | undefined): { encoding: LegacyEncoding; upperCase: boolean } | null {
  if (!fontName) return null
  const name = fontName.trim()
  // ".VnTime", ".VnTimeH", ".VnArial NarrowH": the trailing H marks the capitals-only variant.
  if (/^\.vn/i.test(name)) return { encoding: "tcvn3", upperCase: /H$/.test(name.replace(/\s+/g, "")) }
  if (/^vni[-\s]/i.test(name)) return { encoding: "vni", upperCase: false }
  return null
}

/**
 * Decides, for a whole document, whether its strings are TCVN3, VNI or Unicode. Legacy text wins only when
 * more strings carry its signature than carry Unicode-only Vietnamese letters, so a stray "Hoà" (a VNI-looking
 * pair) in a Unicode file is never "converted".
 */
export function detectLegacyEncoding(strings: readonly string[]): LegacyEncoding | null {
  let tcvnStrings = 0
  let vniStrings = 0
  let unicodeStrings = 0
  for (let i = 0; i < strings.length; i++) {
    // Stop once Unicode has won whatever the remaining strings hold.
    if (unicodeStrings - Math.max(tcvnStrings, vniStrings) >= strings.length - i) return null
    const text = strings[i]
    if (!text || isAscii(text)) continue
    const score = scoreLegacyText(text)
    if (score.unicode) unicodeStrings++
    else if (score.tcvn3 > 0 && score.tcvn3 >= score.vni) tcvnStrings++
    else if (score.vni > 0) vniStrings++
  }
  const legacy = Math.max(tcvnStrings, vniStrings)
  if (legacy === 0 || legacy <= unicodeStrings) return null
  return tcvnStrings >= vniStrings ? "tcvn3" : "vni"
}

const NON_ASCII = /[^\x00-\x7f]/
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text)
}

/**
 * Converts one string of a document already judged to be in `encoding`. Documents mix legacy cells with cells
 * retyped in Unicode, so a string is left alone when it holds Unicode-only Vietnamese letters or a character
 * the encoding cannot produce. A string with no tell-tale character ("Phó Quèc" is TCVN3 for "Phú Quốc") is
 * still converted: the document has already shown its encoding.
 */
export function repairLegacyString(text: string, encoding: LegacyEncoding): string {
  if (!text || isAscii(text)) return text
  const score = scoreLegacyText(text)
  if (score.unicode) return text
  if (encoding === "tcvn3" ? score.tcvn3Possible : score.vniPossible) return convertLegacyText(text, encoding)
  return text
}
