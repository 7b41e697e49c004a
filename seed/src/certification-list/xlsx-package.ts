import { Readable } from "node:stream"
import { StringDecoder } from "node:string_decoder"
import { SaxesParser } from "saxes"
import yauzl from "yauzl"

/**
 * The two halves of an XLSX file the reader needs, without an object model: the zip's entries (yauzl, over the
 * bytes already in memory, each part inflated as a stream when it is read) and a streaming parse of their XML
 * (saxes, the parser exceljs itself uses). exceljs' full loader builds a Cell object with its style for every cell
 * (≈ 140 MB for 20,000 rows) and its streaming WorkbookReader loses the font of rich-text runs (it reads
 * `<rFont>`'s value from the wrong place) and every run but the last of an inline string — both are how legacy
 * TCVN3/VNI text is recognised.
 */
export class XlsxPackage {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>
  ) {}

  /**
   * Lists the entries from the central directory. yauzl reads ZIP64 and checks each entry's sizes and name
   * (absolute and `..` paths are refused); an encrypted entry is refused here, as no workbook part is encrypted.
   */
  static open(bytes: Buffer): Promise<XlsxPackage> {
    return new Promise((resolve, reject) => {
      yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
        if (error) return reject(new Error(`zip: ${error.message}`))
        const entries = new Map<string, yauzl.Entry>()
        zip.on("error", (error: Error) => reject(new Error(`zip: ${error.message}`)))
        zip.on("entry", (entry: yauzl.Entry) => {
          if (entry.isEncrypted()) return reject(new Error(`zip: ${entry.fileName} is encrypted`))
          entries.set(entry.fileName, entry)
          zip.readEntry()
        })
        zip.on("end", () => resolve(new XlsxPackage(zip, entries)))
        zip.readEntry()
      })
    })
  }

  has(name: string): boolean {
    return this.entries.has(name)
  }

  /** A part's bytes, inflated chunk by chunk as they are consumed: the whole XML is never held. */
  stream(name: string): Promise<Readable> {
    const entry = this.entries.get(name)
    if (!entry) return Promise.reject(new Error(`zip: no ${name}`))
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(entry, (error, stream) => (error ? reject(new Error(`zip: ${name}: ${error.message}`)) : resolve(stream)))
    })
  }
}

export type XmlHandler = {
  open(name: string, attributes: Record<string, string>): void
  close(name: string): void
  text(text: string): void
}

/** Names without their namespace prefix (`x:row` is a `row`, `r:id` an `id`, as some generators write them). */
function localName(name: string): string {
  const colon = name.indexOf(":")
  return colon === -1 ? name : name.slice(colon + 1)
}

/**
 * Parses one XML part of the package, chunk by chunk, into `handler` (entities decoded, CDATA given as text,
 * prefixes dropped). Malformed XML throws, naming the part and the line.
 */
export async function parseXmlPart(xlsx: XlsxPackage, name: string, handler: XmlHandler): Promise<void> {
  // Without namespace processing: a prefix need not be declared for `x:row` to be read as a row.
  const parser = new SaxesParser({ xmlns: false, fileName: name })
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {}
    for (const [key, value] of Object.entries(tag.attributes)) attributes[localName(key)] = value
    handler.open(localName(tag.name), attributes)
  })
  parser.on("closetag", (tag) => handler.close(localName(tag.name)))
  parser.on("text", (text) => handler.text(text))
  parser.on("cdata", (text) => handler.text(text))
  // saxes takes strings: the decoder keeps a UTF-8 sequence split between two chunks whole.
  const decoder = new StringDecoder("utf8")
  for await (const chunk of await xlsx.stream(name)) parser.write(decoder.write(chunk as Buffer))
  parser.write(decoder.end())
  parser.close()
}
