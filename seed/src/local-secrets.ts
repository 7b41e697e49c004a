import { randomBytes } from "node:crypto"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname, join } from "node:path"
import { z } from "zod"

/**
 * The secrets of a local run. `npm start` on the embedded database (no DATABASE_URL) generates them once, keeps
 * them in the git-ignored .data/ folder beside the database they belong to, and passes them to the backend and
 * the shop through the environment, as a deployment does with its own. The import CLI reads the admin login
 * from here when it talks to a local backend. Nothing in the repository is a usable key.
 */
export const LOCAL_SECRETS_FILE = join(__dirname, "..", "..", ".data", "local-secrets.json")

const secret = z.string().min(32)
export const localSecretsSchema = z.object({
  JWT_SECRET: secret,
  COOKIE_SECRET: secret,
  OCOP_REVALIDATE_SECRET: secret,
  OCOP_FORWARDING_SECRET: secret,
  OCOP_ADMIN_EMAIL: z.string().regex(/^[^@\s]+@[^@\s]+$/),
  OCOP_ADMIN_PASSWORD: z.string().min(12),
})
export type LocalSecrets = z.infer<typeof localSecretsSchema>

const randomSecret = () => randomBytes(32).toString("hex")

export function readLocalSecrets(file = LOCAL_SECRETS_FILE): LocalSecrets | undefined {
  if (!existsSync(file)) return undefined
  const parsed = localSecretsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")))
  if (!parsed.success) {
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")} (delete it and .data/postgres to start afresh)`
    )
  }
  return parsed.data
}

/** Reads the local secrets, generating and saving them (readable by this user only) on the first call. */
export function ensureLocalSecrets(file = LOCAL_SECRETS_FILE): { secrets: LocalSecrets; created: boolean } {
  const existing = readLocalSecrets(file)
  if (existing) return { secrets: existing, created: false }
  const secrets: LocalSecrets = {
    JWT_SECRET: randomSecret(),
    COOKIE_SECRET: randomSecret(),
    OCOP_REVALIDATE_SECRET: randomSecret(),
    OCOP_FORWARDING_SECRET: randomSecret(),
    OCOP_ADMIN_EMAIL: "admin@ocop.local",
    // 18 random bytes in base64url: 24 characters a person can still type.
    OCOP_ADMIN_PASSWORD: randomBytes(18).toString("base64url"),
  }
  mkdirSync(dirname(file), { recursive: true })
  // 0600: only this user reads it (a umask can narrow that, never widen it); "wx": never overwrite a file.
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, flag: "wx" })
  return { secrets, created: true }
}
