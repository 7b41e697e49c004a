import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import type { FeaturedScope } from "../../featured/handlers"
import { readOperator } from "../recorded-by"

/** The operator reaches every list, national ones included. */
export async function operatorFeaturedScope(req: AuthenticatedMedusaRequest<any>): Promise<FeaturedScope> {
  const operator = await readOperator(req)
  return { province_codes: null, recorded_by: operator ?? { type: "user", id: "unknown" } }
}
