import { lotQrPath, normaliseGtin, pickProductGtin, serialQrPath } from "../gtin"
import { flagLot } from "../lot-flags"

describe("GTIN", () => {
  it("accepts real GTINs in every length, as 14 digits, and refuses a wrong check digit", () => {
    // Published examples: EAN-13 4006381333931, UPC-A 036000291452, EAN-8 96385074.
    expect(normaliseGtin("4006381333931")).toBe("04006381333931")
    expect(normaliseGtin("036000291452")).toBe("00036000291452")
    expect(normaliseGtin("96385074")).toBe("00000096385074")
    expect(normaliseGtin("4006381333932")).toBeNull()
    expect(normaliseGtin("40063813339")).toBeNull()
    expect(normaliseGtin("ABC")).toBeNull()
  })

  it("a product's GTIN is its first valid variant code; the QR falls back to the short path", () => {
    expect(pickProductGtin([{ barcode: "SKU-1" }, { ean: "4006381333931" }])).toBe("04006381333931")
    expect(pickProductGtin([{ barcode: null, upc: "" }])).toBeNull()
    const lot = { code: "MO-2611", public_code: "ABCDEFGH23" }
    expect(lotQrPath(lot, "04006381333931")).toBe("/01/04006381333931/10/MO-2611")
    expect(lotQrPath(lot, null)).toBe("/l/ABCDEFGH23")
    // A unit's serial: GS1 AI 21 after the lot, or our short path with the serial after the lot's code.
    expect(serialQrPath(lot, "04006381333931", "23456789ABCDE")).toBe("/01/04006381333931/10/MO-2611/21/23456789ABCDE")
    expect(serialQrPath(lot, null, "23456789ABCDE")).toBe("/l/ABCDEFGH23/23456789ABCDE")
  })
})

describe("flagLot", () => {
  const limits = { scanFactor: 2, flagProvinces: 3, flagUnknownSerials: 3 }
  const quiet = { scan_count: 200, quantity: 100, max_provinces_per_day: 2, suspect_serial_checks: 2 }
  it("flags more scans than factor × quantity, many provinces in a day, and checks of unissued or voided serials", () => {
    expect(flagLot(quiet, limits)).toEqual([])
    expect(flagLot({ ...quiet, scan_count: 201 }, limits)).toEqual(["scans_exceed_quantity"])
    expect(flagLot({ ...quiet, max_provinces_per_day: 3 }, limits)).toEqual(["many_provinces_in_a_day"])
    expect(flagLot({ ...quiet, suspect_serial_checks: 3 }, limits)).toEqual(["unknown_serials_checked"])
  })
})
