import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { productGroups } from "@ocop/domain/taxonomy"

/** GET /store/product-groups — the QĐ 148 product tree (6 sectors, their groups and sub-groups). */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.json({
    product_groups: productGroups.map((g) => ({
      code: g.code,
      name: g.name,
      level: g.level,
      parent_code: g.parentCode,
    })),
  })
}
