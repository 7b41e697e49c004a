import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { parseCertificationFile } from "@ocop/seed"
import { readConfig } from "../lib/config"
import { runCertificationImport } from "../lib/run-certification-import"

/**
 * Imports a list straight into the database the backend uses, without a running server:
 *   npx medusa exec ./src/scripts/import-list.ts <file> [revoke]
 * with OCOP_IMPORT_BATCH_SIZE to change the rows written per statement (medusa exec accepts no flags of its own).
 * (`npm run import` is the usual way; this is for operators on the server and for crash tests.)
 */
export default async function importList({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const [file, mode] = args
  if (!file) throw new Error("Usage: medusa exec ./src/scripts/import-list.ts <file> [revoke]")
  const parsed = await parseCertificationFile(file)
  const summary = await runCertificationImport(container, parsed.records, {
    mode: mode === "revoke" ? "revoke" : "certify",
    source: file.split("/").pop()!,
    parsed,
    chunkSize: readConfig().importBatchSize,
  })
  logger.info(`Import of ${file}: ${JSON.stringify({ ...summary, errors: summary.errors.length })}`)
}
