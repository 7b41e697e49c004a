import { foldText } from "@ocop/domain"

/**
 * Words Vietnamese buyers use for the same thing. Expanded at index time (a product titled "Chè Thái Nguyên"
 * is also indexed under "trà"), so every search provider, facets included, sees the same matches.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["chè", "trà"],
  ["nước mắm", "mắm"],
  ["cà phê", "cafe", "cà fê", "coffee"],
  ["mật ong", "honey"],
  ["gạo", "lúa gạo", "rice"],
  ["rượu", "rượu vang", "vang", "wine"],
  ["thổ cẩm", "dệt thổ cẩm", "vải thổ cẩm"],
  ["mây tre", "mây tre đan", "tre đan"],
  ["yến", "yến sào", "tổ yến"],
  ["đông trùng hạ thảo", "đông trùng"],
  ["bánh tráng", "bánh đa"],
  ["lạc", "đậu phộng"],
  ["vừng", "mè"],
  ["dứa", "thơm", "khóm"],
  ["bắp", "ngô"],
  ["heo", "lợn"],
  ["quả", "trái"],
  ["hành tím", "hành đỏ"],
  ["giò", "chả lụa", "giò lụa"],
  ["kẹo dừa", "kẹo"],
  ["măng", "măng khô"],
  ["nhang", "hương trầm", "nhang trầm"],
  ["nấm", "nấm linh chi", "linh chi"],
  ["sâm", "sâm ngọc linh", "nhân sâm"],
  ["cá khô", "khô cá"],
  ["mứt", "ô mai"],
]

// Phrases and texts compared as folded words between single spaces: " ca phe " is in " ca phe sua da ", not in
// " ca pheo ". Built once; the index build expands every product (20,000 RegExps per phrase was 8 % of it).
const asWords = (text: string) =>
  ` ${foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(" ")} `
const foldedGroups = SYNONYM_GROUPS.map((group) => group.map(asWords))

/**
 * The synonyms of every phrase the text contains, written with their diacritics, minus what the text already
 * says. "Chè búp Thái Nguyên" → ["trà"].
 */
export function expandSynonyms(text: string): string[] {
  const words = asWords(text)
  const extra = new Set<string>()
  foldedGroups.forEach((group, g) => {
    if (group.some((phrase) => words.includes(phrase))) {
      group.forEach((phrase, i) => {
        if (!words.includes(phrase)) extra.add(SYNONYM_GROUPS[g][i])
      })
    }
  })
  return [...extra]
}
