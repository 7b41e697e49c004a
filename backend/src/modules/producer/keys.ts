import { foldText } from "@ocop/seed"

/** "HTX Nông sản Phú Lương" and "htx nong san phu luong" are the same producer within a province. */
export function producerNameKey(name: string): string {
  return foldText(name).replace(/[^a-z0-9]+/g, " ").trim()
}

/** URL handle: folded name + province code, unique because (name key, province) is unique. */
export function producerHandle(name: string, provinceCode: string): string {
  return `${producerNameKey(name).replace(/ /g, "-").slice(0, 80)}-${provinceCode}`
}
