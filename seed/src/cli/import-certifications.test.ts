import { spawnSync } from "node:child_process"
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createServer, IncomingMessage, Server } from "node:http"
import { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join, relative } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { EXPECTED_KEYS, formatErrorReport } from "../certification-list"
import { FIXTURES_DIR, REPO_ROOT, requireSamplesDir } from "../certification-list/test-paths"
import { ensureLocalSecrets } from "../local-secrets"
import { runImport } from "./import-certifications"

const samplesDir = requireSamplesDir()
const sampleFiles = readdirSync(samplesDir).filter((name) => !name.endsWith(".ndjson") && !name.endsWith(".md"))

/** Runs the command exactly as a developer types it at the repository root. */
function npmImport(args: string[], env: Record<string, string> = {}) {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env }
  delete childEnv.INIT_CWD // npm sets it to the directory the command is typed in
  return spawnSync("npm", ["run", "import", "--", ...args], { cwd: REPO_ROOT, env: childEnv, encoding: "utf8" })
}

let workDir: string
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), "ocop-import-cli-"))
})
afterAll(() => {
  rmSync(workDir, { recursive: true, force: true })
})

describe("npm run import -- <file> --dry-run --json", () => {
  it.each(sampleFiles)(
    "prints %s as pure NDJSON equal to the expected file",
    (name) => {
      // A relative path is resolved from where the command is typed (the repository root), not from seed/.
      const run = npmImport([relative(REPO_ROOT, join(samplesDir, name)), "--dry-run", "--json"])
      expect(run.status, run.stderr).toBe(0)
      const expected = readFileSync(join(samplesDir, `${name}.expected.ndjson`), "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line))
      expect(run.stdout.endsWith("\n")).toBe(true)
      const lines = run.stdout.slice(0, -1).split("\n")
      const printed = lines.map((line) => JSON.parse(line))
      for (const record of printed) expect(Object.keys(record)).toEqual([...EXPECTED_KEYS])
      expect(printed).toEqual(expected)
      // The summary goes to stderr only.
      expect(run.stderr).toMatch(/read\s+\d+/)
      expect(run.stderr).toMatch(/would be created/)
    },
    60_000
  )
})

describe("exit codes and the error report", () => {
  it("exits non-zero when the file cannot be read at all", () => {
    const missing = npmImport([join(workDir, "missing.csv"), "--dry-run"])
    expect(missing.status).not.toBe(0)
    expect(missing.stderr).toMatch(/không tồn tại/)

    const binary = join(workDir, "image.csv")
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]))
    const unreadable = npmImport([binary, "--dry-run"])
    expect(unreadable.status).not.toBe(0)
    expect(unreadable.stdout).toBe("")
  }, 60_000)

  it("exits 0 for a file with bad rows and writes <file>.errors.csv next to it", () => {
    const input = join(workDir, "bad-rows.csv")
    copyFileSync(join(FIXTURES_DIR, "bad-rows.csv"), input)
    const run = npmImport([input, "--dry-run"])
    expect(run.status, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/rejected\s+11/)
    expect(run.stdout).toMatch(/created\s+3\s+would be created/)
    // Row 9 rates row 1's product again: one product, a second rating.
    expect(run.stdout).toMatch(/updated\s+1\s+later ratings/)
    const report = readFileSync(`${input}.errors.csv`, "utf8").trim().split("\n")
    expect(report[0]).toBe("source_row,column,value,code,message")
    expect(report).toHaveLength(12)
    expect(report[1]).toBe("2,Tên sản phẩm,,missing_product_name,Thiếu tên sản phẩm")
    expect(report.map((line) => line.split(",")[0])).toEqual(["source_row", ...["2", "3", "4", "5", "6", "7", "8", "10", "11", "12", "13"]])
  }, 60_000)

  it("writes no error report when every row is accepted", () => {
    const input = join(workDir, "decision-inline.txt")
    copyFileSync(join(FIXTURES_DIR, "decision-inline.txt"), input)
    expect(npmImport([input, "--dry-run"]).status).toBe(0)
    expect(existsSync(`${input}.errors.csv`)).toBe(false)
  }, 60_000)

  it("exits 2 with a clear message when the backend cannot be reached", () => {
    const run = npmImport([join(samplesDir, "decision-text.txt")], {
      MEDUSA_BACKEND_URL: "http://127.0.0.1:1",
      MEDUSA_ADMIN_PASSWORD: "mat-khau-bat-ky",
    })
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/Không kết nối được tới backend http:\/\/127\.0\.0\.1:1/)
  }, 60_000)
})

describe("import against a backend", () => {
  type Received = { url: string; authorization?: string; body: unknown }
  let server: Server
  let baseUrl: string
  const received: Received[] = []
  // What `npm start` leaves in .data/local-secrets.json, here in a folder of this test's own.
  let localSecretsFile: string
  let adminPassword: string
  // When set, the stand-in answers like a backend whose error list was cut at 1,000 (here: at 1).
  let truncateErrors = false
  // When set, the stand-in refuses the n-th import request (1-based), as a backend whose write failed.
  let refuseRequest = 0
  let importRequests = 0
  const FULL_REPORT = formatErrorReport(
    ['=HYPERLINK("http://x")', "B", "C"].map((value, i) => ({
      source_row: i + 1,
      column: "product_name",
      value,
      code: "not_certified",
      message: "product_name: không tìm thấy",
    }))
  ).trim()

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolveBody) => {
      let body = ""
      req.on("data", (chunk) => (body += chunk))
      req.on("end", () => resolveBody(body))
    })

  beforeAll(async () => {
    localSecretsFile = join(workDir, ".data", "local-secrets.json")
    adminPassword = ensureLocalSecrets(localSecretsFile).secrets.OCOP_ADMIN_PASSWORD
    // A stand-in for the backend on the loopback interface, speaking the agreed contract.
    server = createServer(async (req, res) => {
      const body = JSON.parse((await readBody(req)) || "null")
      received.push({ url: req.url ?? "", authorization: req.headers.authorization, body })
      res.setHeader("content-type", "application/json")
      if (req.url === "/auth/user/emailpass") {
        const ok = body?.email === "admin@ocop.local" && body?.password === adminPassword
        res.statusCode = ok ? 200 : 401
        res.end(JSON.stringify(ok ? { token: "test-token" } : { message: "Unauthorized" }))
      } else if (req.url === "/admin/ocop/imports" && ++importRequests === refuseRequest) {
        res.statusCode = 422
        res.end(JSON.stringify({ message: "import: nothing was written, the import was rolled back: Product with handle: x, already exists." }))
      } else if (req.url === "/admin/ocop/imports") {
        const count = (body?.records ?? []).length
        res.end(
          JSON.stringify({
            id: "oimp_TEST",
            read: count + (truncateErrors ? 3 : 0),
            created: count - 1,
            updated: 1,
            unchanged: 0,
            rejected: truncateErrors ? 3 : 0,
            errors: truncateErrors
              ? [{ source_row: 1, column: "product_name", value: "A", code: "not_certified", message: "product_name: không tìm thấy" }]
              : [],
            errors_total: truncateErrors ? 1_500 : 0,
            errors_truncated: truncateErrors,
            report_url: "/admin/ocop/imports/oimp_TEST/report",
          })
        )
      } else if (req.url === "/admin/ocop/imports/oimp_TEST/report" && req.headers.authorization === "Bearer test-token") {
        res.setHeader("content-type", "text/csv")
        res.end(FULL_REPORT)
      } else {
        res.statusCode = 404
        res.end("{}")
      }
    })
    await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready))
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((closed) => server.close(() => closed())))

  it("logs in with the local admin login `npm start` generated and posts { records, file_name }", async () => {
    const out: string[] = []
    const info: string[] = []
    const code = await runImport(
      [join(samplesDir, "decision-text.txt")],
      { out: (text) => out.push(text), info: (text) => info.push(text) },
      { MEDUSA_BACKEND_URL: baseUrl },
      { localSecretsFile }
    )
    expect(code, info.join("\n")).toBe(0)
    expect(received.map((r) => r.url)).toEqual(["/auth/user/emailpass", "/admin/ocop/imports"])
    const posted = received[1]
    expect(posted.authorization).toBe("Bearer test-token")
    expect(received[0].body).toEqual({ email: "admin@ocop.local", password: adminPassword })
    expect(posted.body).toMatchObject({ file_name: "decision-text.txt" })
    expect((posted.body as { records: unknown[] }).records).toHaveLength(5)
    const summary = out.join("\n")
    expect(summary).toMatch(/created\s+4/)
    expect(summary).toMatch(/updated\s+1/)
  })

  it("downloads the full report when the answer carries only the first errors, and writes all of them", async () => {
    received.length = 0
    truncateErrors = true
    const input = join(workDir, "cut.txt")
    copyFileSync(join(samplesDir, "decision-text.txt"), input)
    try {
      const code = await runImport([input], { out: () => {}, info: () => {} }, { MEDUSA_BACKEND_URL: baseUrl }, { localSecretsFile })
      expect(code).toBe(0)
    } finally {
      truncateErrors = false
    }
    expect(received.map((r) => r.url)).toContain("/admin/ocop/imports/oimp_TEST/report")
    const report = readFileSync(`${input}.errors.csv`, "utf8").trim().split("\n")
    expect(report).toEqual(FULL_REPORT.split("\n"))
  })

  it("names the rows earlier requests imported when a later request of a big list fails", async () => {
    const { parseCertificationFile } = await import("../certification-list")
    const { postImport } = await import("./backend-client")
    const { records } = await parseCertificationFile(join(samplesDir, "decision-text.txt"))
    importRequests = 0
    refuseRequest = 2
    try {
      const env = { MEDUSA_BACKEND_URL: baseUrl, MEDUSA_ADMIN_EMAIL: "admin@ocop.local", MEDUSA_ADMIN_PASSWORD: adminPassword }
      const failure = await postImport(env, records, "decision-text.txt", undefined, 2).catch((error: Error) => error)
      expect(failure).toBeInstanceOf(Error)
      const message = (failure as Error).message
      expect(message).toContain(`Các dòng ${records[0].source_row}–${records[1].source_row} đã được nhập`)
      expect(message).toContain(`rows up to ${records[1].source_row} were imported, none after`)
      expect(message).toContain("422")
    } finally {
      refuseRequest = 0
    }
  })

  it("sends a listing's earlier rating before its later one, even when the list spans several requests", async () => {
    const { parseCertificationFile } = await import("../certification-list")
    const { postImport } = await import("./backend-client")
    const { records } = await parseCertificationFile(join(samplesDir, "decision-text.txt"))
    // The 2025 re-rating typed first in the file, the 2022 rating of the same product after it.
    const later = { ...records[0], stars: 5 as const, decision_date: "2025-08-12", decision_number: "1500/QĐ-UBND", source_row: 1001 }
    const earlier = { ...records[0], stars: 4 as const, decision_date: "2022-06-05", decision_number: "820/QĐ-UBND", source_row: 1002 }
    received.length = 0
    const env = { MEDUSA_BACKEND_URL: baseUrl, MEDUSA_ADMIN_EMAIL: "admin@ocop.local", MEDUSA_ADMIN_PASSWORD: adminPassword }
    await postImport(env, [later, earlier, ...records.slice(1)], "two-years.txt", undefined, 1)
    const sent = received.filter((r) => r.url === "/admin/ocop/imports").map((r) => (r.body as { records: { source_row: number }[] }).records)
    expect(sent.every((batch) => batch.length === 1)).toBe(true)
    const order = sent.map(([record]) => record.source_row)
    expect(order).toHaveLength(records.length + 1)
    expect(order.indexOf(1002)).toBeLessThan(order.indexOf(1001))
  })

  it("uses MEDUSA_ADMIN_TOKEN without logging in, and reports a refused login as exit 2", async () => {
    received.length = 0
    const io = { out: () => {}, info: () => {} }
    expect(await runImport([join(samplesDir, "decision-text.txt")], io, { MEDUSA_BACKEND_URL: baseUrl, MEDUSA_ADMIN_TOKEN: "given" })).toBe(0)
    expect(received.map((r) => [r.url, r.authorization])).toEqual([["/admin/ocop/imports", "Bearer given"]])

    const info: string[] = []
    const refused = await runImport(
      [join(samplesDir, "decision-text.txt")],
      { out: () => {}, info: (text) => info.push(text) },
      { MEDUSA_BACKEND_URL: baseUrl, MEDUSA_ADMIN_PASSWORD: "wrong" }
    )
    expect(refused).toBe(2)
    expect(info.join("\n")).toMatch(/Đăng nhập admin thất bại: 401/)
  })

  it("has no default password: without one, and without local secrets or for another host, it stops before sending anything", async () => {
    received.length = 0
    for (const [env, file] of [
      [{ MEDUSA_BACKEND_URL: baseUrl }, join(workDir, "no-such-folder", "local-secrets.json")],
      // The local password never leaves this machine, even when the file exists.
      [{ MEDUSA_BACKEND_URL: "http://backend.example.vn" }, localSecretsFile],
    ] as const) {
      const info: string[] = []
      const code = await runImport([join(samplesDir, "decision-text.txt")], { out: () => {}, info: (text) => info.push(text) }, env, {
        localSecretsFile: file,
      })
      expect(code).toBe(2)
      expect(info.join("\n")).toMatch(/MEDUSA_ADMIN_PASSWORD: chưa đặt/)
    }
    expect(received).toEqual([])
  })
})
