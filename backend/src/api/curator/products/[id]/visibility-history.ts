import type { MedusaContainer } from "@medusajs/framework/types"
import type { Presented, VisibilityChange } from "@ocop/contracts"
import { CURATOR_MODULE } from "../../../../modules/curator"
import type CuratorModuleService from "../../../../modules/curator/service"

type Change = Awaited<ReturnType<CuratorModuleService["listListingVisibilityChanges"]>>[number]

export function presentVisibilityChange(change: Change) {
  return {
    id: change.id,
    hidden: change.hidden,
    reason: change.reason,
    recorded_by: { type: change.recorded_by_type, id: change.recorded_by_id, email: change.recorded_by_email ?? null },
    recorded_at: change.created_at,
  } satisfies Presented<VisibilityChange>
}

/** A listing's visibility: hidden or not, and every change newest first. */
export async function readListingVisibility(scope: MedusaContainer, productId: string) {
  const curators: CuratorModuleService = scope.resolve(CURATOR_MODULE)
  const changes = await curators.listListingVisibilityChanges({ product_id: productId }, { order: { created_at: "DESC", id: "DESC" } })
  return { hidden: !!changes[0]?.hidden, history: changes.map(presentVisibilityChange) }
}
