import { z } from "zod"

/**
 * A Vietnamese delivery address after the 2025 reform: street and house number, commune (xã/phường), province —
 * no district any more. Messages are keys into the "address" translations.
 */
export const addressSchema = z.object({
  full_name: z.string().trim().min(2, "fullName").max(100, "fullName"),
  phone: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s.-]/g, ""))
    .pipe(z.string().regex(/^(0|\+84)[1-9]\d{8}$/, "phone")),
  address_1: z.string().trim().min(3, "street").max(200, "street"),
  province_code: z.string().regex(/^\d{2}$/, "province"),
  commune_code: z.string().regex(/^\d{4,6}$/, "commune"),
})

export type AddressInput = z.infer<typeof addressSchema>

/** Medusa's address fields: the full name stays whole (Vietnamese names do not split into first/last). */
export function toMedusaAddress(input: AddressInput, names: { province: string; commune: string }) {
  return {
    first_name: input.full_name,
    last_name: "",
    phone: input.phone,
    address_1: input.address_1,
    city: names.commune,
    province: names.province,
    country_code: "vn",
    metadata: { province_code: input.province_code, commune_code: input.commune_code },
  }
}
