import { z } from "@medusajs/framework/zod"
import { requiredText as text } from "../../utils/zod-fields"
import { communeCode, growingAreaCode, stepKind } from "../lots/validators"

/**
 * A template holds what repeats from lot to lot; the lot's code and dates are refused here (strict object), so a
 * template can never print a stale code or date on a new lot.
 */
export const SaveLotTemplate = z
  .strictObject({
    name: text("name", 80),
    growing_area_code: growingAreaCode.nullable().optional(),
    commune_code: communeCode.nullable().optional(),
    quantity: z
      .number({ message: "quantity: phải là số / must be a number" })
      .int("quantity: phải là số nguyên / must be a whole number")
      .min(1, "quantity: ít nhất 1 / at least 1")
      .max(10_000_000, "quantity: tối đa 10.000.000 / at most 10,000,000")
      .nullable()
      .optional(),
    steps: z
      .array(
        z.strictObject({
          kind: stepKind,
          note: z
            .string({ message: "note: phải là chuỗi ký tự / must be text" })
            .trim()
            .max(1000, "note: tối đa 1000 ký tự / at most 1000 characters"),
        })
      )
      .max(20, "steps: tối đa 20 / at most 20")
      .default([]),
  })
  .transform((b) => ({ ...b, growing_area_code: b.growing_area_code ?? null, commune_code: b.commune_code ?? null, quantity: b.quantity ?? null }))
export type SaveLotTemplate = z.infer<typeof SaveLotTemplate>
