import { describe, expect, it } from "vitest"
import { addressSchema, toMedusaAddress } from "./address"

const valid = {
  full_name: "Nguyễn Thị Lan",
  phone: "091 234 5678",
  address_1: "12 Phố Huế",
  province_code: "01",
  commune_code: "00256",
}

describe("a Vietnamese delivery address", () => {
  it("accepts a mobile number written with spaces or +84, and keeps the name whole", () => {
    expect(addressSchema.parse(valid).phone).toBe("0912345678")
    expect(addressSchema.parse({ ...valid, phone: "+84912345678" }).phone).toBe("+84912345678")
    const address = toMedusaAddress(addressSchema.parse(valid), { province: "Thành phố Hà Nội", commune: "Phường Hai Bà Trưng" })
    expect(address).toMatchObject({ first_name: "Nguyễn Thị Lan", city: "Phường Hai Bà Trưng", country_code: "vn" })
  })

  it("names each field that is wrong", () => {
    const result = addressSchema.safeParse({ ...valid, phone: "12345", commune_code: "", full_name: "L" })
    expect(result.success).toBe(false)
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]))
    expect(messages).toEqual({ phone: "phone", commune_code: "commune", full_name: "fullName" })
  })
})
