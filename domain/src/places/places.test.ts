import { describe, expect, it } from "vitest"
import { communes, provinces, resolveCommune, resolveProvince } from "./index"

describe("places after the 2025 reform", () => {
  it("has the 34 provinces and 3,321 communes", () => {
    expect(provinces).toHaveLength(34)
    expect(communes).toHaveLength(3321)
  })

  it("resolves old province names to the unit that absorbed them", () => {
    expect(resolveProvince("Bắc Kạn")?.code).toBe("19")
    expect(resolveProvince("tỉnh Bắc Kạn")?.name).toBe("Tỉnh Thái Nguyên")
    expect(resolveProvince("Trà Vinh")?.name).toBe("Tỉnh Vĩnh Long")
    expect(resolveProvince("Thừa Thiên Huế")?.code).toBe("46")
    expect(resolveProvince("Bà Rịa - Vũng Tàu")?.code).toBe("79")
    expect(resolveProvince("Ha Giang")?.code).toBe("08")
    expect(resolveProvince("TP. Hồ Chí Minh")?.code).toBe("79")
  })

  it("resolves by current or old code and rejects unknown names", () => {
    expect(resolveProvince("06")?.code).toBe("19")
    expect(resolveProvince("19")?.code).toBe("19")
    expect(resolveProvince("Atlantis")).toBeUndefined()
    expect(resolveProvince("thôn Lâm Đồng xyz")).toBeUndefined()
  })

  it("does not mistake a commune named Phương… or Xa… for its type word", () => {
    const phuong = communes.find((c) => /^(Xã|Phường) Phương /.test(c.name))!
    expect(resolveCommune(phuong.provinceCode, phuong.shortName)?.code).toBe(phuong.code)
    expect(resolveCommune(phuong.provinceCode, phuong.name)?.code).toBe(phuong.code)
  })

  it("resolves a current commune and an old commune through the mapping", () => {
    expect(resolveCommune("19", "Hợp Thành")?.name).toBe("Xã Hợp Thành")
    const old = resolveCommune("86", "Thạnh Phú", "Cầu Kè")
    expect(old?.provinceCode).toBe("86")
  })
})
