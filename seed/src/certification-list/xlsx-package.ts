import { Readable } from "node:stream"
import { StringDecoder } from "node:string_decoder"
import { createInflateRaw, inflateRawSync } from "node:zlib"

/**
 * The two halves of an XLSX file the reader needs, without an object model: the zip entries (located through the
 * central directory of the bytes already in memory, inflated on demand) and a SAX-style scan of their XML.
 * exceljs' full loader builds a Cell object with its style for every cell (≈ 140 MB for 20,000 rows) and its
 * streaming WorkbookReader loses the font of rich-text runs (it reads `<rFont>`'s value from the wrong place)
 * and every run but the last of an inline string — both are how legacy TCVN3/VNI text is recognised.
 */

type ZipEntry = { method: number; compressedSize: number; dataStart: number }

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

export class ZipPackage {
  private readonly entries = new Map<string, ZipEntry>()

  constructor(private readonly bytes: Buffer) {
    const end = findEndOfCentralDirectory(bytes)
    const count = bytes.readUInt16LE(end + 10)
    let at = bytes.readUInt32LE(end + 16)
    for (let i = 0; i < count; i++) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw new Error("zip: broken central directory")
      const flags = bytes.readUInt16LE(at + 8)
      const method = bytes.readUInt16LE(at + 10)
      const compressedSize = bytes.readUInt32LE(at + 20)
      const nameLength = bytes.readUInt16LE(at + 28)
      const extraLength = bytes.readUInt16LE(at + 30)
      const commentLength = bytes.readUInt16LE(at + 32)
      const localOffset = bytes.readUInt32LE(at + 42)
      const name = bytes.toString("utf8", at + 46, at + 46 + nameLength)
      at += 46 + nameLength + extraLength + commentLength
      if (flags & 1) throw new Error(`zip: ${name} is encrypted`)
      if (compressedSize === 0xffffffff || localOffset === 0xffffffff) throw new Error(`zip: ${name} needs ZIP64`)
      if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL) throw new Error(`zip: ${name} not found`)
      // The local header's own name/extra lengths, which may differ from the central directory's.
      const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28)
      if (dataStart + compressedSize > bytes.length) throw new Error(`zip: ${name} is truncated`)
      this.entries.set(name.replace(/^\//, ""), { method, compressedSize, dataStart })
    }
  }

  has(name: string): boolean {
    return this.entries.has(name)
  }

  private entry(name: string): { entry: ZipEntry; data: Buffer } {
    const entry = this.entries.get(name)
    if (!entry) throw new Error(`zip: no ${name}`)
    if (entry.method !== 0 && entry.method !== 8) throw new Error(`zip: ${name} uses compression method ${entry.method}`)
    return { entry, data: this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize) }
  }

  /** A small part (workbook, relationships, styles), inflated at once. */
  read(name: string): Buffer {
    const { entry, data } = this.entry(name)
    return entry.method === 0 ? data : inflateRawSync(data)
  }

  /** A large part (worksheets, shared strings), inflated chunk by chunk: the whole XML is never held. */
  stream(name: string): AsyncIterable<Buffer> {
    const { entry, data } = this.entry(name)
    const source = Readable.from([data], { objectMode: false })
    return entry.method === 0 ? source : source.pipe(createInflateRaw())
  }
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff)
  for (let at = bytes.length - 22; at >= lowest; at--) if (bytes.readUInt32LE(at) === EOCD) return at
  throw new Error("zip: no central directory")
}

export type XmlHandler = {
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void
  close(name: string): void
  text(text: string): void
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text
  return text.replace(ENTITY, (whole, name: string) => {
    if (name[0] !== "#") return NAMED[name]
    const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

/** Element names without their namespace prefix (`x:row` is a `row`, as some generators write it). */
function localName(name: string): string {
  const colon = name.indexOf(":")
  return colon === -1 ? name : name.slice(colon + 1)
}

/** Where the tag opened at `start` ends (its `>`), skipping `>` inside quoted attribute values; -1 if not in `text`. */
function tagEnd(text: string, start: number): number {
  let quote = ""
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i]
    if (quote) {
      if (ch === quote) quote = ""
    } else if (ch === '"' || ch === "'") quote = ch
    else if (ch === ">") return i
  }
  return -1
}

/** Scans what `text` holds of complete markup and returns the unfinished tail, to be continued by the next chunk. */
function scan(text: string, handler: XmlHandler, final: boolean): string {
  let at = 0
  while (at < text.length) {
    const lt = text.indexOf("<", at)
    if (lt === -1) {
      // Text running into the next chunk may end inside an entity: keep it whole until its tag comes.
      if (!final) return text.slice(at)
      handler.text(decodeEntities(text.slice(at)))
      return ""
    }
    if (lt > at) handler.text(decodeEntities(text.slice(at, lt)))
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("-->", lt + 4)
      if (end === -1) return text.slice(lt)
      at = end + 3
      continue
    }
    if (text.startsWith("<![CDATA[", lt)) {
      const end = text.indexOf("]]>", lt + 9)
      if (end === -1) return text.slice(lt)
      handler.text(text.slice(lt + 9, end))
      at = end + 3
      continue
    }
    const gt = tagEnd(text, lt)
    if (gt === -1) return text.slice(lt)
    at = gt + 1
    const second = text[lt + 1]
    if (second === "?" || second === "!") continue // declaration, DOCTYPE
    if (second === "/") {
      handler.close(localName(text.slice(lt + 2, gt).trim()))
      continue
    }
    const selfClosing = text[gt - 1] === "/"
    const body = text.slice(lt + 1, selfClosing ? gt - 1 : gt)
    const space = body.search(/\s/)
    const name = localName(space === -1 ? body : body.slice(0, space))
    const attributes: Record<string, string> = {}
    if (space !== -1) {
      for (const match of body.slice(space).matchAll(ATTRIBUTE)) {
        attributes[localName(match[1])] = decodeEntities(match[2] ?? match[3])
      }
    }
    handler.open(name, attributes, selfClosing)
    if (selfClosing) handler.close(name)
  }
  return ""
}

/** Feeds UTF-8 XML, chunk by chunk, to `handler`; only an unfinished tag or text run is kept between chunks. */
export async function scanXml(chunks: AsyncIterable<Buffer> | Buffer, handler: XmlHandler): Promise<void> {
  if (Buffer.isBuffer(chunks)) {
    scan(chunks.toString("utf8"), handler, true)
    return
  }
  const decoder = new StringDecoder("utf8")
  let pending = ""
  for await (const chunk of chunks) pending = scan(pending + decoder.write(chunk), handler, false)
  scan(pending + decoder.end(), handler, true)
}
