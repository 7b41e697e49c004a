import { spawnSync } from "node:child_process"
import { join } from "node:path"
import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"
import { attempt, createAttackTally } from "../../fixtures/attack-tally"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { inviteProducerMember, listProducersWithProducts } from "../../fixtures/producer"
import { parseConfig, REQUIRED_SECRETS } from "../../../src/lib/config"

jest.setTimeout(300_000)

/** Every key that was once written in the repository or is Medusa's own fallback. */
const FORMER_LITERALS = ["local-dev-jwt-secret", "local-dev-cookie-secret", "local-dev-revalidate-secret", "supersecret"]

/** The token's own claims, re-signed with another key (what an attacker who read the repository would do). */
function resign(authorization: string, key: string) {
  // The old times are dropped: jwt.sign sets new ones.
  const { iat: _iat, exp: _exp, ...claims } = jwt.decode(authorization.replace(/^Bearer /, "")) as Record<string, unknown>
  return { authorization: `Bearer ${jwt.sign(claims, key, { expiresIn: "1h" })}` }
}

runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    const tally = createAttackTally("default-secrets")
    afterAll(() => tally.report())

    it("refuses admin and producer tokens signed with any formerly-literal secret", async () => {
      await seedDemoCatalog(getContainer())
      const admin = await loginAdmin(api)
      const [producer] = await listProducersWithProducts(getContainer())
      const member = await inviteProducerMember(api, admin, producer.producer_id, "chu.hang@htx-bi-mat.vn")
      const { http } = getContainer().resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig

      // Control: the same claims signed with this run's key are accepted, so a refusal below is the key's doing.
      expect((await attempt(() => api.get("/admin/users/me", { headers: resign(admin.authorization, http.jwtSecret as string) }))).status).toBe(200)
      expect((await attempt(() => api.get("/producer/me", { headers: resign(member.authorization, http.jwtSecret as string) }))).status).toBe(200)

      for (const key of FORMER_LITERALS) {
        for (const [actor, token, path] of [
          ["admin", admin.authorization, "/admin/users/me"],
          ["admin", admin.authorization, "/admin/products?limit=1"],
          ["producer member", member.authorization, "/producer/me"],
          ["producer member", member.authorization, "/producer/orders"],
        ] as const) {
          const response = await attempt(() => api.get(path, { headers: resign(token, key) }))
          tally.record(`GET ${path} as ${actor}, token signed with "${key}"`, response, response.status !== 401 && `answered ${response.status}`)
        }
      }
      expect(tally.attempts).toBe(FORMER_LITERALS.length * 4)
      expect(tally.leaks).toEqual([])
      expect(tally.serverErrors).toEqual([])
    })
  },
})

describe("the backend refuses to start without its secrets", () => {
  const complete = Object.fromEntries(REQUIRED_SECRETS.map((name) => [name, "a".repeat(64)]))

  it.each(REQUIRED_SECRETS)("names %s when it is missing, empty or short", (name) => {
    expect(() => parseConfig({ ...complete, [name]: undefined })).toThrow(new RegExp(`- ${name}: chưa đặt / not set`))
    expect(() => parseConfig({ ...complete, [name]: "" })).toThrow(new RegExp(`- ${name}: ít nhất 32 ký tự`))
    expect(() => parseConfig({ ...complete, [name]: "local-dev-jwt-secret" })).toThrow(new RegExp(`- ${name}: ít nhất 32 ký tự`))
    expect(parseConfig(complete).jwtSecret).toBe(complete.JWT_SECRET)
  })

  it("`medusa start` exits at once, naming every missing variable", () => {
    const backendDir = join(__dirname, "..", "..", "..")
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: "9392", LOG_LEVEL: "error" }
    for (const name of REQUIRED_SECRETS) delete env[name]
    const run = spawnSync(join(backendDir, "..", "node_modules", ".bin", "medusa"), ["start"], {
      cwd: backendDir,
      env,
      encoding: "utf8",
      timeout: 60_000,
    })
    expect(run.signal).toBeNull() // it did not have to be killed: it never started serving
    expect(run.status).toBe(1)
    for (const name of REQUIRED_SECRETS) expect(`${run.stdout}${run.stderr}`).toContain(`${name}: chưa đặt / not set`)
  })

  it("`Secure` cookies follow the public address's scheme, not NODE_ENV", () => {
    expect(parseConfig({ ...complete, PORT: "9000" }).secureCookies).toBe(false)
    expect(parseConfig({ ...complete, OCOP_PUBLIC_URL: "https://api.cho-ocop.vn" })).toMatchObject({
      secureCookies: true,
      fileUrl: "https://api.cho-ocop.vn/static",
    })
  })
})
