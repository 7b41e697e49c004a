import { z } from "@medusajs/framework/zod"
import { PRODUCER_TYPES } from "@ocop/domain"
import { SEARCH_SORTS as SORTS } from "../../../../modules/ocop-search/types"
import { groupParam, provinceParam, starsParam } from "../validators"

const booleanParam = (field: string) => z.enum(["true", "false"], { message: `${field}: true or false` }).transform((v) => v === "true")

const vnd = (field: string) =>
  z.coerce
    .number({ message: `${field}: a price in VND` })
    .int(`${field}: whole đồng`)
    .min(0, `${field}: at least 0`)

export const StoreSearchProducts = z
  .object({
    q: z.string().trim().max(200, "q: at most 200 characters").optional(),
    stars: starsParam.optional(),
    province: provinceParam.optional(),
    group: groupParam.optional(),
    producer_type: z.enum(PRODUCER_TYPES, { message: `producer_type: one of ${PRODUCER_TYPES.join(", ")}` }).optional(),
    producer_id: z.string().max(64, "producer_id: too long").optional(),
    in_stock: booleanParam("in_stock").optional(),
    // "Mua được ngay": only listings a buyer can order now; without it, every certified listing (showcase too).
    buyable: booleanParam("buyable").optional(),
    price_min: vnd("price_min").optional(),
    price_max: vnd("price_max").optional(),
    sort: z.enum(SORTS, { message: `sort: one of ${SORTS.join(", ")}` }).default("relevance"),
    limit: z.coerce.number({ message: "limit: must be a number" }).int().min(1, "limit: at least 1").max(100, "limit: at most 100").default(20),
    offset: z.coerce
      .number({ message: "offset: must be a number" })
      .int()
      .min(0, "offset: at least 0")
      .max(10_000, "offset: at most 10000")
      .default(0),
  })
  .strict()

export type StoreSearchProductsType = z.infer<typeof StoreSearchProducts>

export const StoreSuggestProducts = z
  .object({ q: z.string().trim().min(1, "q: type at least one letter").max(100, "q: at most 100 characters") })
  .strict()
