import { describe, expect, it } from "vitest"
import { decodeText } from "./decode-text"
import { convertTcvn3, convertVni, detectLegacyEncoding, encodingFromFont, repairLegacyString } from "./legacy-encoding"

// TCVN3 strings below were produced by glibc iconv (TCVN5712-1), independently of the tables under test.
describe("TCVN3 (ABC)", () => {
  it.each([
    ["Th¸i B×nh", "Thái Bình"],
    ["n\u00adíc m¾m Phó Quèc", "nước mắm Phú Quốc"],
    ["hîp t¸c x·", "hợp tác xã"],
    ["®¾k l¾k", "đắk lắk"],
    ["huyÖn CÇu KÌ", "huyện Cầu Kè"],
    ["thõa thiªn huÕ", "thừa thiên huế"],
    ["qu¶ng trÞ", "quảng trị"],
    ["r\u00adîu", "rượu"],
    ["ü ú û þ ý", "ỹ ỳ ỷ ỵ ý"],
    ["Êp Çu Èn Én Ën ¾t »m ¼ng ½ng Æt", "ấp ầu ẩn ẫn ận ắt ằm ẳng ẵng ặt"],
  ])("%s → %s", (legacy, unicode) => {
    expect(convertTcvn3(legacy)).toBe(unicode)
  })

  it("restores capitals typed with the capitals-only font or in capitals", () => {
    expect(convertTcvn3("ñy ban nh©n d©n tØnh", { upperCaseFont: true })).toBe("ỦY BAN NHÂN DÂN TỈNH")
    expect(convertTcvn3("THANH HãA")).toBe("THANH HÓA")
  })
})

describe("VNI-Windows", () => {
  it.each([
    ["Thaùi Bình", "Thái Bình"],
    ["Nöôùc maém Phuù Quoác", "Nước mắm Phú Quốc"],
    ["Hôïp taùc xaõ", "Hợp tác xã"],
    ["Ñaék Laék", "Đắk Lắk"],
    ["Thöøa Thieân Hueá", "Thừa Thiên Huế"],
    ["Quaûng Trò", "Quảng Trị"],
    ["Röôïu", "Rượu"],
    ["Kyø Lyù Myõ Kyû Kî", "Kỳ Lý Mỹ Kỷ Kỵ"],
    ["THANH HOÙA TRÖÔØNG", "THANH HÓA TRƯỜNG"],
    ["aáp aàu aån aãn aän aét aèm aúng aüng aët", "ấp ầu ẩn ẫn ận ắt ằm ẳng ẵng ặt"],
  ])("%s → %s", (legacy, unicode) => {
    expect(convertVni(legacy)).toBe(unicode)
  })
})

describe("detection", () => {
  it("tells TCVN3, VNI and Unicode apart at document level", () => {
    expect(detectLegacyEncoding(["Th¸i B×nh", "Phó Quèc"])).toBe("tcvn3")
    expect(detectLegacyEncoding(["Thaùi Bình", "Nöôùc maém"])).toBe("vni")
    expect(detectLegacyEncoding(["Thái Bình", "Nước mắm"])).toBeNull()
    // "Hoà" looks like a VNI pair (o + à) but the document is plainly Unicode.
    expect(detectLegacyEncoding(["Hoà Bình", "Nước mắm Phú Quốc", "Cà phê"])).toBeNull()
    expect(detectLegacyEncoding(["HTX", "123"])).toBeNull()
  })

  it("leaves Unicode cells of a legacy document alone and converts cells without tell-tale characters", () => {
    expect(repairLegacyString("Nước mắm", "tcvn3")).toBe("Nước mắm")
    expect(repairLegacyString("Phó Quèc", "tcvn3")).toBe("Phú Quốc")
    expect(repairLegacyString("Cà phê", "tcvn3")).toBe("Cà phê") // "à" is no TCVN3 (ABC) code
  })

  it("reads the encoding from legacy font names", () => {
    expect(encodingFromFont(".VnTime")).toEqual({ encoding: "tcvn3", upperCase: false })
    expect(encodingFromFont(".VnTimeH")).toEqual({ encoding: "tcvn3", upperCase: true })
    expect(encodingFromFont("VNI-Times")).toEqual({ encoding: "vni", upperCase: false })
    expect(encodingFromFont("Times New Roman")).toBeNull()
  })
})

describe("decodeText", () => {
  it("handles BOM, no BOM, UTF-16 and 8-bit bytes", () => {
    expect(decodeText(Buffer.from("\ufeffTên", "utf8"))).toEqual({ text: "Tên", encoding: "utf-8-bom" })
    expect(decodeText(Buffer.from("Tên", "utf8"))).toEqual({ text: "Tên", encoding: "utf-8" })
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Tên", "utf16le")]))).toEqual({
      text: "Tên",
      encoding: "utf-16le",
    })
    expect(decodeText(Buffer.from([0x54, 0xaa, 0x6e]))).toEqual({ text: "Tªn", encoding: "windows-1252" })
  })
})
