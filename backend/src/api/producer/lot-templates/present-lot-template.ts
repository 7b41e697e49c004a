import type { LotTemplate, Presented } from "@ocop/contracts"
import { presentCommune } from "../../../traceability/present-lot"

export function presentLotTemplate(row: Record<string, any>) {
  return {
    id: row.id,
    name: row.name,
    growing_area_code: row.growing_area_code ?? null,
    commune: presentCommune(row.commune_code),
    quantity: row.quantity ?? null,
    steps: Array.isArray(row.steps) ? row.steps : [],
    updated_at: new Date(row.updated_at).toISOString(),
  } satisfies Presented<LotTemplate>
}
