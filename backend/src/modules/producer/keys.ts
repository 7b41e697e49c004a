import { matchKey, slugify } from "@ocop/domain"

/** "HTX Nông sản Phú Lương" and "htx nong san phu luong" are the same producer within a province. */
export function producerNameKey(name: string): string {
  return matchKey(name)
}

/** URL handle: folded name + province code, unique because (name key, province) is unique. */
export function producerHandle(name: string, provinceCode: string): string {
  return `${slugify(name).slice(0, 80)}-${provinceCode}`
}
