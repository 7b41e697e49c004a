import { z } from "@medusajs/framework/zod"

const mode = z.enum(["certify", "revoke"], { message: "mode: certify or revoke" }).default("certify")

// Rows are checked one by one against the record schema (a bad row is rejected, not the whole list).
export const AdminImportRecords = z
  .object({
    records: z.array(z.unknown(), { message: "records: an array of certification records" }).max(50_000, "records: at most 50,000 a request"),
    file_name: z.string().trim().min(1, "file_name: must not be empty").max(300, "file_name: at most 300 characters").optional(),
    mode,
  })
  .strict()

export const AdminImportFileFields = z.object({ mode }).strict()

export const AdminImportRunParams = z.object({ id: z.string().regex(/^oimp_[0-9A-Z]{26}$/, "id: not an import id") })
