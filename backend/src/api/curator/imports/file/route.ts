import type { MedusaResponse } from "@medusajs/framework/http"
import { getProvince } from "@ocop/domain/places"
import type { CertificationRecord, RowError } from "@ocop/seed"
import { readUploadedList } from "../../../utils/read-uploaded-list"
import { startCertificationImport } from "../../../../lib/run-certification-import"
import type { CuratorRequest } from "../../scope"
import { presentImport, readScopedRun } from "../present-import"

/** A row of a province the curator does not work on is refused, naming the province; the rest go in. */
function outsideProvinces(codes: string[]) {
  const mine = new Set(codes)
  return (record: CertificationRecord): RowError | null => {
    if (mine.has(record.province_code_2025)) return null
    // "Tỉnh Cao Bằng" → "tỉnh Cao Bằng", "Thành phố Huế" → "thành phố Huế": mid-sentence, as Vietnamese writes it.
    const official = getProvince(record.province_code_2025)?.name ?? record.province_name_2025
    const name = official.charAt(0).toLowerCase() + official.slice(1)
    return {
      source_row: record.source_row,
      column: "Tỉnh",
      value: record.province_as_listed,
      code: "province_out_of_scope",
      message: `Dòng ${record.source_row}: ${name} không thuộc phạm vi của bạn / row ${record.source_row}: ${official} is not one of your provinces`,
    }
  }
}

/**
 * POST /curator/imports/file — a curator uploads a provincial list (multipart field "file"). It is read and checked
 * at once and answered with 202 and the run; the rows are written afterwards chunk by chunk while the console polls
 * GET /curator/imports/:id (why: startCertificationImport). Rows of other provinces are refused row by row.
 */
export const POST = async (req: CuratorRequest, res: MedusaResponse) => {
  const { fileName, parsed } = await readUploadedList(req)
  const { record, province_codes } = req.curator
  const { id } = await startCertificationImport(req.scope, parsed.records, {
    mode: "certify",
    source: fileName,
    parsed,
    gate: outsideProvinces(province_codes),
    actor: { curator_id: record.id, curator_email: record.email, province_codes },
  })
  res.status(202).json({ import: presentImport(await readScopedRun(req, id)), format: parsed.format })
}
