import type { AddressInfo } from "node:net"
import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { Modules } from "@medusajs/framework/utils"
import { SMTPServer } from "smtp-server"
import { simpleParser, type ParsedMail } from "mailparser"
import { listProvinceCertificates } from "../../fixtures/curator"
import { loginAdmin, seedDemoCatalog } from "../../fixtures/demo-catalog"
import { inviteProducerMember } from "../../fixtures/producer"
import { OCOP_MODULE } from "../../../src/modules/ocop"
import type OcopModuleService from "../../../src/modules/ocop/service"
import { fromDateOnly, todayInVietnam } from "../../../src/modules/ocop/dates"
import sendExpiryRemindersJob from "../../../src/jobs/send-expiry-reminders"
import { parseConfig } from "../../../src/lib/config"

jest.setTimeout(300_000)

const DAY_MS = 86_400_000
const USER = "ocop-mailer"
const PASSWORD = "mat-khau-smtp-thu"
const FROM = "Chợ OCOP <no-reply@ocop.example.vn>"
// A producer types the title: every character HTML gives a meaning to is in it.
const TITLE = `Mắm "Cá Cơm" <Phú Quốc> & Co`

/** A real SMTP server on a free port: the mail it accepts (who signed in, envelope, parsed message). */
const received: { user?: string; to: string[]; mail: ParsedMail }[] = []
/** While set, the server refuses every recipient, as a full mailbox or a relay outage would. */
let refusing = false
const server = new SMTPServer({
  authOptional: false,
  // Plain TCP on 127.0.0.1: its self-signed STARTTLS certificate would only make the client refuse it.
  disabledCommands: ["STARTTLS"],
  allowInsecureAuth: true,
  onAuth(auth, _session, callback) {
    if (auth.username === USER && auth.password === PASSWORD) return callback(null, { user: auth.username })
    callback(new Error("535 wrong credentials"))
  },
  onRcptTo(_address, _session, callback) {
    callback(refusing ? Object.assign(new Error("451 try again later"), { responseCode: 451 }) : undefined)
  },
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        received.push({ user: session.user as string | undefined, to: session.envelope.rcptTo.map((r) => r.address), mail })
        callback()
      })
      .catch(callback)
  },
})

// Before the app boots (the runner's own beforeAll is inside its describe, so this one runs first): medusa-config.ts
// reads the provider and its server from the environment once.
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.server.address() as AddressInfo
  Object.assign(process.env, {
    OCOP_EMAIL_PROVIDER: "smtp",
    OCOP_SMTP_URL: `smtp://${USER}:${PASSWORD}@127.0.0.1:${port}`,
    OCOP_EMAIL_FROM: FROM,
  })
})

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    /** One certificate of province 86 expiring in `days`, its producer with one member at `email`; its id. */
    async function plantExpiringCertificate(email: string, days: number, title?: string) {
      const container = getContainer()
      await seedDemoCatalog(container)
      const admin = await loginAdmin(api)
      const [cert] = (await listProvinceCertificates(container, "86")).filter((c) => c.status !== "superseded")
      if (title) await container.resolve(Modules.PRODUCT).updateProducts(cert.product.id, { title })
      const validUntil = new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
      await (container.resolve(OCOP_MODULE) as OcopModuleService).updateCertifications({
        id: cert.id,
        status: "active",
        valid_until: fromDateOnly(validUntil),
      })
      await inviteProducerMember(api, admin, cert.product.producer.id, email)
      return { id: cert.id, validUntil }
    }

    it("sends the expiry reminder through the SMTP server: recipient, subject with product and days, both languages, escaped HTML", async () => {
      const container = getContainer()
      const email = "chu.co.so.mam@example.vn"
      const { id: certId, validUntil } = await plantExpiringCertificate(email, 30, TITLE)

      await sendExpiryRemindersJob(container)

      const mine = received.filter((r) => r.to.includes(email))
      expect(mine).toHaveLength(1)
      const [{ user, mail }] = mine
      expect(user).toBe(USER)
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((a) => a.address) : []).toEqual([email])
      expect(mail.from?.value[0]).toEqual({ name: "Chợ OCOP", address: "no-reply@ocop.example.vn" })
      expect(mail.subject).toContain(`"${TITLE}"`)
      expect(mail.subject).toMatch(/sau 30 ngày .*expires in 30 days/)

      const [y, m, d] = validUntil.split("-")
      const text = mail.text ?? ""
      expect(text).toContain(`hết hiệu lực ngày ${d}/${m}/${y}`)
      expect(text.indexOf("hết hiệu lực")).toBeLessThan(text.indexOf(`expires on ${validUntil}`))

      const html = String(mail.html)
      expect(html).toContain("Mắm &quot;Cá Cơm&quot; &lt;Phú Quốc&gt; &amp; Co")
      expect(html).not.toContain("<Phú Quốc>")
      expect(html.indexOf("còn 30 ngày")).toBeGreaterThan(0)
      expect(html.indexOf("còn 30 ngày")).toBeLessThan(html.indexOf("in 30 days"))

      // The notification records the delivery: the SMTP message id, status success.
      const [notification] = await container.resolve(Modules.NOTIFICATION).listNotifications({ resource_id: certId, channel: "email" })
      expect(mail.messageId).toBeTruthy()
      expect(notification).toMatchObject({ to: email, status: "success", external_id: mail.messageId })
    })

    it("keeps a reminder the mail server refused and sends it on the next run", async () => {
      const email = "chu.co.so.tra@example.vn"
      const { id: certId } = await plantExpiringCertificate(email, 60)
      refusing = true
      try {
        // The run fails (the workflow's error, not necessarily an Error instance) and names the server's answer.
        const failure = await sendExpiryRemindersJob(getContainer()).then(
          () => undefined,
          (e: unknown) => e as { message?: string } | undefined
        )
        expect(String(failure?.message ?? failure)).toMatch(/all recipients were rejected: 451/)
      } finally {
        refusing = false
      }
      expect(received.filter((r) => r.to.includes(email))).toHaveLength(0)

      await sendExpiryRemindersJob(getContainer())
      const delivered = received.filter((r) => r.to.includes(email))
      expect(delivered).toHaveLength(1)
      expect(delivered[0].mail.subject).toMatch(/sau 60 ngày .*expires in 60 days/)
      const notifications = await getContainer().resolve(Modules.NOTIFICATION).listNotifications({ resource_id: certId, channel: "email" })
      expect(notifications.map((n: any) => n.status).sort()).toEqual(["failure", "success"])
      // A third run sends nothing: the delivered reminder is taken.
      await sendExpiryRemindersJob(getContainer())
      expect(received.filter((r) => r.to.includes(email))).toHaveLength(1)
    })
  },
})

describe("e-mail configuration", () => {
  const base = {
    JWT_SECRET: "a".repeat(32),
    COOKIE_SECRET: "b".repeat(32),
    OCOP_REVALIDATE_SECRET: "c".repeat(32),
    OCOP_FORWARDING_SECRET: "d".repeat(32),
  }

  it("needs the SMTP server and sender when smtp is chosen, naming each missing or wrong variable", () => {
    expect(parseConfig(base).smtp).toBeUndefined()
    expect(() => parseConfig({ ...base, OCOP_EMAIL_PROVIDER: "smtp", OCOP_EMAIL_FROM: FROM })).toThrow(
      /- OCOP_SMTP_URL: cần cho OCOP_EMAIL_PROVIDER=smtp/
    )
    expect(() => parseConfig({ ...base, OCOP_EMAIL_PROVIDER: "smtp", OCOP_SMTP_URL: "smtps://u:p@mail.example.vn:465" })).toThrow(
      /- OCOP_EMAIL_FROM: cần cho/
    )
    const wrongScheme = () =>
      parseConfig({ ...base, OCOP_EMAIL_PROVIDER: "smtp", OCOP_SMTP_URL: "https://u:secret-pw@mail.example.vn", OCOP_EMAIL_FROM: FROM })
    expect(wrongScheme).toThrow(/- OCOP_SMTP_URL: smtp:\/\//)
    // The password in a wrong URL is never echoed.
    expect(wrongScheme).not.toThrow(/secret-pw/)
    expect(() => parseConfig({ ...base, OCOP_EMAIL_PROVIDER: "sendgrid" })).toThrow(/- OCOP_EMAIL_PROVIDER: local \| smtp/)
    expect(
      parseConfig({ ...base, OCOP_EMAIL_PROVIDER: "smtp", OCOP_SMTP_URL: "smtps://u:p@mail.example.vn:465", OCOP_EMAIL_FROM: FROM }).smtp
    ).toEqual({
      url: "smtps://u:p@mail.example.vn:465",
      from: FROM,
    })
  })
})
