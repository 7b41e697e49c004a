/**
 * Imports a provincial OCOP certification list into the marketplace.
 *
 *   npm run import -- <file> [--dry-run] [--json]
 *
 * --dry-run   parse and validate only; nothing is sent to the backend
 * --json      machine-readable stdout: with --dry-run one normalised record per line (NDJSON, the 13 keys of the
 *             samples' ground truth), otherwise the backend's response; the summary then goes to stderr
 *
 * Exit codes: 0 done (even with rejected rows, listed in <file>.errors.csv), 1 the file cannot be read or
 * the arguments are wrong, 2 the backend could not be reached or refused the import.
 */
import { writeFile } from "node:fs/promises"
import { basename, resolve } from "node:path"
import { parseArgs } from "node:util"
import { SingleBar } from "cli-progress"
import { z } from "zod"
import {
  CertificationFileError,
  formatErrorReport,
  parseCertificationFile,
  ParseResult,
  RowError,
  ratingRounds,
  toExpectedShape,
} from "../certification-list"
import { BackendEnv, BackendError, ImportResponse, postImport, resolveBackendEnv } from "./backend-client"

const USAGE = "Cách dùng: npm run import -- <tệp .xlsx|.csv|.tsv|.txt> [--dry-run] [--json]"

export const cliArgsSchema = z.object({
  file: z.string().min(1, "thiếu đường dẫn tệp"),
  dryRun: z.boolean(),
  json: z.boolean(),
})
export type CliArgs = z.infer<typeof cliArgsSchema>

export function parseCliArgs(argv: string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { "dry-run": { type: "boolean", default: false }, json: { type: "boolean", default: false } },
  })
  if (positionals.length > 1) throw new Error(`chỉ nhận một tệp, nhận được ${positionals.length}`)
  return cliArgsSchema.parse({ file: positionals[0] ?? "", dryRun: values["dry-run"], json: values.json })
}

type Output = { out: (text: string) => void; info: (text: string) => void }

function formatSummary(result: ParseResult, counts: Omit<ImportResponse, "errors">, dryRun: boolean): string {
  const rows: [string, number, string][] = [
    ["read", result.rows_read, "data rows in the file"],
    ["created", counts.created, dryRun ? "would be created (dry run, counted against an empty catalogue)" : ""],
    ["updated", counts.updated, dryRun ? "later ratings of products listed more than once (dry run)" : ""],
    ["unchanged", counts.unchanged, dryRun ? "not computed in a dry run" : ""],
    ["rejected", counts.rejected, counts.rejected > 0 ? "see the errors CSV" : ""],
  ]
  const width = Math.max(...rows.map(([, n]) => String(n).length))
  const lines = rows.map(([label, n, note]) => `  ${label.padEnd(10)} ${String(n).padStart(width)}${note ? `  ${note}` : ""}`)
  return lines.join("\n")
}

function progressBar(label: string): SingleBar | null {
  // Only for a person watching a terminal: never in pipes, CI logs or the --json stream.
  if (!process.stderr.isTTY) return null
  return new SingleBar({
    stream: process.stderr,
    format: `${label} [{bar}] {value}/{total}`,
    hideCursor: true,
    clearOnComplete: true,
  })
}

async function writeErrorReport(inputPath: string, errors: RowError[], io: Output): Promise<void> {
  const reportPath = `${inputPath}.errors.csv`
  try {
    await writeFile(reportPath, formatErrorReport(errors), "utf8")
    io.info(`Rejected rows: ${reportPath}`)
  } catch (error) {
    io.info(`Could not write the error report ${reportPath}: ${(error as Error).message}`)
  }
}

export async function runImport(
  argv: string[],
  io: Output,
  env: NodeJS.ProcessEnv = process.env,
  options: { localSecretsFile?: string } = {}
): Promise<number> {
  let args: CliArgs
  try {
    args = parseCliArgs(argv)
  } catch (error) {
    const message = error instanceof z.ZodError ? error.issues.map((issue) => issue.message).join("; ") : (error as Error).message
    io.info(`Tham số không hợp lệ: ${message}\n${USAGE}`)
    return 1
  }
  // npm runs workspace scripts inside seed/; a relative path means relative to where the user typed it.
  const inputPath = resolve(env.INIT_CWD ?? process.cwd(), args.file)
  // With --json, stdout carries only data; everything for people goes to stderr.
  const say = args.json ? io.info : io.out

  let result: ParseResult
  const parseBar = progressBar("Đọc tệp")
  try {
    result = await parseCertificationFile(inputPath, {
      onProgress: (done, total) => {
        if (!parseBar) return
        if (done === 0) parseBar.start(total, 0)
        else parseBar.update(done)
      },
    })
  } catch (error) {
    parseBar?.stop()
    io.info(error instanceof CertificationFileError ? error.message : `Không đọc được tệp ${inputPath}: ${(error as Error).message}`)
    return 1
  }
  parseBar?.stop()

  const rejected = result.rows_rejected
  if (result.errors.length > 0) await writeErrorReport(inputPath, result.errors, { ...io, out: say })
  const legacy = result.legacy_encoding ? `, converted from ${result.legacy_encoding.toUpperCase()}` : ""
  say(`${basename(inputPath)}: ${result.format} (${result.encoding}${legacy})`)

  if (args.dryRun) {
    if (args.json && result.records.length > 0) {
      io.out(`${result.records.map((record) => JSON.stringify(toExpectedShape(record))).join("\n")}\n`)
    }
    // A product listed twice with different ratings is one product with a rating history: created once, then re-rated.
    const created = ratingRounds(result.records)[0]?.length ?? 0
    say(formatSummary(result, { created, updated: result.records.length - created, unchanged: 0, rejected }, true))
    return 0
  }

  let backendEnv: BackendEnv
  try {
    backendEnv = resolveBackendEnv(env, options.localSecretsFile)
  } catch (error) {
    const message = error instanceof z.ZodError ? error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") : (error as Error).message
    io.info(`Cấu hình backend không hợp lệ: ${message}`)
    return 2
  }
  const sendBar = progressBar("Gửi lên backend")
  sendBar?.start(result.records.length, 0)
  let response: ImportResponse
  try {
    response = await postImport(backendEnv, result.records, basename(inputPath), (sent) => sendBar?.update(sent))
  } catch (error) {
    sendBar?.stop()
    if (error instanceof BackendError) {
      io.info(error.message)
      return 2
    }
    throw error
  }
  sendBar?.stop()
  if (response.errors.length > 0) {
    const backendErrors = response.errors.map((e) => ({ ...e, column: e.column ?? null, value: e.value ?? null }))
    await writeErrorReport(inputPath, [...result.errors, ...backendErrors], { ...io, out: say })
  }
  if (args.json) io.out(`${JSON.stringify(response)}\n`)
  say(formatSummary(result, { ...response, rejected: rejected + response.rejected }, false))
  return 0
}

if (require.main === module) {
  // A closed pipe (`… --json | head`) is not an error of the import.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0)
    throw error
  })
  const io: Output = {
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    info: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  }
  runImport(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code
    },
    (error) => {
      process.stderr.write(`${(error as Error).stack ?? error}\n`)
      process.exitCode = 1
    }
  )
}
