import { z } from "zod"
import { CertificationRecord, ratingRounds, rowErrorSchema } from "../certification-list"
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

export const importResponseSchema = z.object({
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
  errors: z.array(rowErrorSchema.partial({ column: true, value: true })).default([]),
})
export type ImportResponse = z.infer<typeof importResponseSchema>

/** The backend could not be reached or refused the request: the CLI exits with code 2. */
export class BackendError extends Error {
  constructor(message: string) {
    super(message)
    this.name = "BackendError"
  }
}

const REQUEST_TIMEOUT_MS = 120_000
/**
 * Records per request: about 3 MB of JSON, far under the endpoint's 50,000-record / 50 MB limits, while a
 * 20,000-row list still shows progress and a failed request costs little to redo.
 */
export const IMPORT_BATCH_SIZE = 5000

async function request(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    const reason = cause?.code ?? cause?.message ?? (error as Error).message
    throw new BackendError(
      `Không kết nối được tới backend ${new URL(url).origin} (${reason}). ` +
        "Hãy chạy backend (npm start) hoặc đặt MEDUSA_BACKEND_URL."
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

/** Sends the records in batches and adds up the backend's counts. */
export async function postImport(
  env: BackendEnv,
  records: CertificationRecord[],
  fileName: string,
  onBatch?: (sent: number) => void
): Promise<ImportResponse> {
  const total: ImportResponse = { created: 0, updated: 0, unchanged: 0, rejected: 0, errors: [] }
  if (records.length === 0) return total
  const token = await getAdminToken(env)
  // Each listing's earlier ratings go before its later ones, whatever the batch boundaries: the backend makes the
  // last rating it receives current.
  const ordered = ratingRounds(records).flat()
  for (let start = 0; start < ordered.length; start += IMPORT_BATCH_SIZE) {
    const batch = ordered.slice(start, start + IMPORT_BATCH_SIZE)
    const response = await request(`${env.MEDUSA_BACKEND_URL}/admin/ocop/imports`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ records: batch, file_name: fileName }),
    })
    if (!response.ok) throw new BackendError(`Backend từ chối lô nhập: ${await describeFailure(response)}`)
    const parsed = importResponseSchema.safeParse(await response.json().catch(() => null))
    if (!parsed.success) throw new BackendError(`Phản hồi của backend không đúng dạng: ${parsed.error.issues[0]?.message}`)
    total.created += parsed.data.created
    total.updated += parsed.data.updated
    total.unchanged += parsed.data.unchanged
    total.rejected += parsed.data.rejected
    total.errors.push(...parsed.data.errors)
    onBatch?.(start + batch.length)
  }
  return total
}
