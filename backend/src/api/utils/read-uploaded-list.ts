import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { CertificationFileError, echoValue, parseCertificationBuffer, type ParseResult } from "@ocop/seed"

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

const FILE_ERRORS_EN: Record<CertificationFileError["code"], string> = {
  unreadable: "the file cannot be read",
  unsupported_format: "not a supported format (xlsx, csv, tsv or decision text)",
  no_table: "no list found (no header row with “Tên sản phẩm”)",
  empty: "the file is empty",
}

/**
 * Why a file cannot be read, as a 400 naming the file. A ZIP that is not a workbook (a broken or renamed .xlsx)
 * makes the workbook reader fail deep inside ("Cannot read properties of undefined"): that text means nothing to
 * an operator, so such a file gets one clear message.
 */
function unreadableFile(error: unknown, fileName: string, bytes: Uint8Array, req: MedusaRequest): MedusaError {
  const name = echoValue(fileName)
  const isZip = ZIP_MAGIC.every((byte, i) => bytes[i] === byte)
  if (error instanceof CertificationFileError && !(isZip && error.code === "unreadable")) {
    return new MedusaError(MedusaError.Types.INVALID_DATA, `file: ${echoValue(error.message)} / ${name}: ${FILE_ERRORS_EN[error.code]}`)
  }
  if (!(error instanceof CertificationFileError)) {
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).warn(`Import of ${name}: ${(error as Error)?.stack ?? error}`)
  }
  return new MedusaError(
    MedusaError.Types.INVALID_DATA,
    isZip || /\.xlsx$/i.test(fileName)
      ? `file: ${name} không phải bảng tính XLSX đọc được / not a readable XLSX workbook (hãy mở và lưu lại bằng Excel / open and save it again in Excel)`
      : `file: không đọc được ${name} / the file cannot be read`
  )
}

/**
 * The provincial list uploaded as the multipart field "file" (xlsx, csv/tsv, decision text), read with the same
 * code as the CLI. Both upload routes (the operator's and the curator's) read it here.
 */
export async function readUploadedList(req: MedusaRequest): Promise<{ fileName: string; parsed: ParseResult }> {
  const file = (req as MedusaRequest & { file?: { originalname: string; buffer: Buffer } }).file
  if (!file) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, 'file: chưa chọn tệp / attach the list as the multipart field "file"')
  }
  const fileName = Buffer.from(file.originalname, "latin1").toString("utf8")
  // The name becomes each certificate's `source`: a file system's own limit is plenty.
  if (fileName.length > 255) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "file: tên tệp dài quá 255 ký tự / the file name is longer than 255 characters")
  }
  try {
    return { fileName, parsed: await parseCertificationBuffer(file.buffer, fileName) }
  } catch (error) {
    throw unreadableFile(error, fileName, file.buffer, req)
  }
}
