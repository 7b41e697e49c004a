import { parse } from "csv-parse/sync"
import { importSummary, type ImportCounts, type ImportRowError } from "@ocop/contracts"
import { z } from "zod"
import { CertificationRecord, ERROR_REPORT_COLUMNS, ratingRounds, RowError } from "../certification-list"
import { LOCAL_SECRETS_FILE, readLocalSecrets } from "../local-secrets"

/**
 * Client for the backend's bulk import endpoint (POST /admin/ocop/imports). Authenticates with
 * MEDUSA_ADMIN_TOKEN, or logs in with the admin e-mail and password (POST /auth/user/emailpass → {token}).
 * There is no default password: against a local backend (`npm start`) the CLI reads the generated login from
 * .data/local-secrets.json; anywhere else MEDUSA_ADMIN_PASSWORD (or OCOP_ADMIN_PASSWORD) must be set.
 */
export const backendEnvSchema = z.object({
  MEDUSA_BACKEND_URL: z.string().url().default("http://localhost:9000"),
  MEDUSA_ADMIN_TOKEN: z.string().min(1).optional(),
  MEDUSA_ADMIN_EMAIL: z.string().min(1).default("admin@ocop.local"),
  MEDUSA_ADMIN_PASSWORD: z.string().min(1).optional(),
})
export type BackendEnv = z.infer<typeof backendEnvSchema>

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"])

/**
 * The backend's address and the admin login from the environment; with neither a token nor a password, and a
 * backend on this machine, the login `npm start` generated. The local password is never sent to another host.
 */
export function resolveBackendEnv(env: NodeJS.ProcessEnv, localSecretsFile = LOCAL_SECRETS_FILE): BackendEnv {
  const parsed = backendEnvSchema.parse({
    ...env,
    MEDUSA_ADMIN_EMAIL: env.MEDUSA_ADMIN_EMAIL ?? env.OCOP_ADMIN_EMAIL,
    MEDUSA_ADMIN_PASSWORD: env.MEDUSA_ADMIN_PASSWORD ?? env.OCOP_ADMIN_PASSWORD,
  })
  if (parsed.MEDUSA_ADMIN_TOKEN || parsed.MEDUSA_ADMIN_PASSWORD) return parsed
  const local = LOOPBACK.has(new URL(parsed.MEDUSA_BACKEND_URL).hostname) ? readLocalSecrets(localSecretsFile) : undefined
  if (!local) {
    throw new z.ZodError([
      {
        code: "custom",
        path: ["MEDUSA_ADMIN_PASSWORD"],
        message: `chưa đặt (hoặc MEDUSA_ADMIN_TOKEN); với backend cục bộ, chạy npm start một lần để tạo ${localSecretsFile} / not set`,
        input: undefined,
      },
    ])
  }
  return { ...parsed, MEDUSA_ADMIN_EMAIL: env.MEDUSA_ADMIN_EMAIL ?? local.OCOP_ADMIN_EMAIL, MEDUSA_ADMIN_PASSWORD: local.OCOP_ADMIN_PASSWORD }
}

/** What the CLI adds up over its requests: the counts of @ocop/contracts' import summary and every row error. */
export type ImportResponse = Omit<ImportCounts, "read"> & { errors: ImportRowError[] }

/** The backend could not be reached or refused the request: the CLI exits with code 2. */
export class BackendError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "BackendError"
  }
}

// A request imports its whole list before answering (a 20,000-row list takes minutes on a small server).
const REQUEST_TIMEOUT_MS = 15 * 60_000
/**
 * Records per request: the endpoint's limit. A request is all or nothing, so a list that fits one request (every
 * real provincial list) is imported whole or not at all; a bigger one is sent in parts, and if a part fails the
 * CLI says exactly which rows the earlier parts imported.
 */
export const IMPORT_BATCH_SIZE = 50_000

async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    const reason = cause?.code ?? cause?.message ?? (error as Error).message
    throw new BackendError(
      `Không kết nối được tới backend ${new URL(url).origin} (${reason}). ` + "Hãy chạy backend (npm start) hoặc đặt MEDUSA_BACKEND_URL."
    )
  }
}

async function describeFailure(response: Response): Promise<string> {
  const body = (await response.text().catch(() => "")).slice(0, 300)
  return `${response.status} ${response.statusText}${body ? `: ${body}` : ""}`
}

export async function getAdminToken(env: BackendEnv): Promise<string> {
  if (env.MEDUSA_ADMIN_TOKEN) return env.MEDUSA_ADMIN_TOKEN
  if (!env.MEDUSA_ADMIN_PASSWORD) throw new BackendError("MEDUSA_ADMIN_PASSWORD: chưa đặt / not set")
  const response = await request(`${env.MEDUSA_BACKEND_URL}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: env.MEDUSA_ADMIN_EMAIL, password: env.MEDUSA_ADMIN_PASSWORD }),
  })
  if (!response.ok) throw new BackendError(`Đăng nhập admin thất bại: ${await describeFailure(response)}`)
  const parsed = z.object({ token: z.string().min(1) }).safeParse(await response.json().catch(() => null))
  if (!parsed.success) throw new BackendError("Đăng nhập admin: backend không trả về token")
  return parsed.data.token
}

/** The rows sent so far: a range when they are one block of the file, else how many (re-ratings go in later rounds). */
function rowRange(records: CertificationRecord[]): string {
  if (!records.length) return "—"
  const rows = records.map((r) => r.source_row).sort((a, b) => a - b)
  const range = `${rows[0]}–${rows[rows.length - 1]}`
  return rows[rows.length - 1] - rows[0] + 1 === rows.length ? range : `${range} (${rows.length} dòng, lần đánh giá trước trước)`
}

/** Every row error of an import whose answer was cut at 1,000: its CSV report, read back. */
async function fetchFullErrors(env: BackendEnv, token: string, reportUrl: string): Promise<RowError[]> {
  const response = await request(`${env.MEDUSA_BACKEND_URL}${reportUrl}`, { headers: { authorization: `Bearer ${token}` } })
  if (!response.ok) throw new BackendError(`Không tải được báo cáo lỗi đầy đủ: ${await describeFailure(response)}`)
  const rows = parse(await response.text(), { columns: true, skip_empty_lines: true }) as Record<string, string>[]
  return rows.map((row) => {
    const error = Object.fromEntries(ERROR_REPORT_COLUMNS.map((column) => [column, row[column] === "" ? null : row[column]]))
    return { ...error, source_row: Number(error.source_row), code: error.code ?? "", message: error.message ?? "" } as RowError
  })
}

/**
 * Sends the records and adds up the backend's counts. Each request is all or nothing on the backend; when a later
 * request fails, the error names the rows the earlier ones imported (importing the file again is safe).
 */
export async function postImport(
  env: BackendEnv,
  records: CertificationRecord[],
  fileName: string,
  onBatch?: (sent: number) => void,
  batchSize = IMPORT_BATCH_SIZE
): Promise<ImportResponse> {
  const total: ImportResponse = { created: 0, updated: 0, unchanged: 0, rejected: 0, errors: [] }
  if (records.length === 0) return total
  const token = await getAdminToken(env)
  // Each listing's earlier ratings go before its later ones (ratingRounds): the backend makes the last rating it
  // receives current, so the order holds within the one request and, for a list over the limit, across requests.
  const ordered = ratingRounds(records).flat()
  for (let start = 0; start < ordered.length; start += batchSize) {
    const batch = ordered.slice(start, start + batchSize)
    const committed =
      start === 0
        ? "Không có dòng nào được ghi (nothing was written)."
        : `Các dòng ${rowRange(ordered.slice(0, start))} đã được nhập; từ dòng ${batch[0].source_row} trở đi chưa được ghi. ` +
          `Nhập lại tệp là an toàn: dòng đã nhập sẽ không đổi (rows up to ${ordered[start - 1].source_row} were imported, none after).`
    let response: Response
    try {
      response = await request(`${env.MEDUSA_BACKEND_URL}/admin/ocop/imports`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ records: batch, file_name: fileName }),
      })
    } catch (error) {
      throw new BackendError(`${(error as Error).message} ${committed}`)
    }
    if (!response.ok) throw new BackendError(`Backend từ chối lô nhập: ${await describeFailure(response)}. ${committed}`)
    const parsed = importSummary.safeParse(await response.json().catch(() => null))
    if (!parsed.success) throw new BackendError(`Phản hồi của backend không đúng dạng: ${parsed.error.issues[0]?.message}`)
    total.created += parsed.data.created
    total.updated += parsed.data.updated
    total.unchanged += parsed.data.unchanged
    total.rejected += parsed.data.rejected
    const errors = parsed.data.errors_truncated ? await fetchFullErrors(env, token, parsed.data.report_url) : parsed.data.errors
    total.errors.push(...errors)
    onBatch?.(start + batch.length)
  }
  return total
}
