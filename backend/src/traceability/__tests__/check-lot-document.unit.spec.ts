import { PDFDocument } from "pdf-lib"
import sharp from "sharp"
import { checkLotDocument } from "../check-lot-document"

const limits = { maxBytes: 1024 * 1024, maxPages: 3 }

async function makePdf(pages: number) {
  const pdf = await PDFDocument.create()
  for (let i = 0; i < pages; i++) pdf.addPage()
  return Buffer.from(await pdf.save())
}

describe("checkLotDocument", () => {
  it("reads the type from the bytes and counts a PDF's pages", async () => {
    expect(await checkLotDocument(await makePdf(2), limits)).toEqual({ mime_type: "application/pdf", extension: "pdf", pages: 2 })
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } })
      .png()
      .toBuffer()
    expect(await checkLotDocument(png, limits)).toEqual({ mime_type: "image/png", extension: "png", pages: null })
    const webp = await sharp({ create: { width: 10, height: 10, channels: 3, background: "#000" } })
      .webp()
      .toBuffer()
    expect((await checkLotDocument(webp, limits)).mime_type).toBe("image/webp")
  })

  it("refuses what is not what it claims, too many pages, too many bytes, too many pixels", async () => {
    await expect(checkLotDocument(Buffer.from("<svg onload=alert(1)>"), limits)).rejects.toThrow(/^file: chỉ nhận PDF/)
    await expect(checkLotDocument(Buffer.from("%PDF-1.4 rubbish"), limits)).rejects.toThrow(/^file: không đọc được tệp PDF/)
    await expect(checkLotDocument(await makePdf(4), limits)).rejects.toThrow(/^file: PDF có 4 trang, tối đa 3/)
    await expect(checkLotDocument(Buffer.alloc(2 * 1024 * 1024, 0x25), limits)).rejects.toThrow(/^file: tệp lớn hơn 1 MB/)
    // A PNG header declaring 50,000 × 50,000 pixels in a few bytes.
    const header = await sharp({ create: { width: 1, height: 1, channels: 3, background: "#000" } })
      .png()
      .toBuffer()
    header.writeUInt32BE(50_000, 16)
    header.writeUInt32BE(50_000, 20)
    await expect(checkLotDocument(header, limits)).rejects.toThrow(/^file: (ảnh quá lớn|không đọc được ảnh)/)
  })
})
