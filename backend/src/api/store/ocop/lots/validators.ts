import { z } from "@medusajs/framework/zod"
import { getProvince } from "@ocop/domain/places"
import { lotCode } from "../../../producer/lots/validators"

export const publicLotCode = z.string().regex(/^[2-9A-HJKMNP-Z]{10}$/, "code: mã lô công khai gồm 10 ký tự / a public lot code has 10 characters")

/** A scan, with the province the person chose to say they are in (never guessed from the address). */
export const StoreRecordLotScan = z.strictObject({
  province_code: z
    .string({ message: "province_code: phải là mã tỉnh / must be a province code" })
    .refine((code) => !!getProvince(code), "province_code: không có tỉnh/thành với mã này / no province has this code")
    .nullable()
    .optional(),
})
export type StoreRecordLotScan = z.infer<typeof StoreRecordLotScan>

/** A QR's path in either form: `code` (our /l/{code}) or `gtin` + `lot` (GS1 Digital Link /01/{gtin}/10/{lot}). */
export const StoreResolveLot = z.union(
  [
    z.strictObject({ code: publicLotCode }),
    z.strictObject({
      gtin: z.string().regex(/^(\d{8}|\d{12}|\d{13}|\d{14})$/, "gtin: 8, 12, 13 hoặc 14 chữ số / 8, 12, 13 or 14 digits"),
      lot: lotCode,
    }),
  ],
  { message: "code hoặc gtin + lot / code, or gtin and lot" }
)
export type StoreResolveLot = z.infer<typeof StoreResolveLot>
