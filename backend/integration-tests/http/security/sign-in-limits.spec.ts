import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { attempt, createAttackTally, type AttackResponse } from "../../fixtures/attack-tally"
import { asNextPerson, nextClientAddress, signedClientAddress } from "../../fixtures/client-address"
import { CLIENT_ADDRESS_HEADER, CLIENT_SIGNATURE_HEADER, signClientAddress } from "../../../src/api/security/client-address"
import { ensureAdminUser } from "../../../src/scripts/lib/ensure-admin-user"

jest.setTimeout(300_000)
// The account's first wait is an operator's setting (60 s by default): a short one keeps this file from sleeping a minute.
const FIRST_WAIT_SECONDS = 5
process.env.LOGIN_FIRST_WAIT_SECONDS = String(FIRST_WAIT_SECONDS)

const tally = createAttackTally("sign-in-limits")
const ADMIN = { email: "quan.tri@ocop.test", password: "mat-khau-quan-tri-2026" }
const PASSWORD = "mat-khau-rat-dai-2026"

/**
 * Password guessing against every actor's email-and-password routes, through the real Medusa app: per client address
 * (as the shop signs it or as trusted proxies report it, never as the caller claims) and per account, with a wait
 * that grows instead of a lock.
 */
runMedusaSuite({
  testSuite: ({ api, getContainer }) => {
    const post = (url: string, body: unknown, headers: Record<string, string> = {}) => attempt(() => api.post(url, body, { headers }))
    const retryAfter = (response: AttackResponse) => Number(response.headers?.["retry-after"])
    /** Records a guess that must be refused with 429 and a Retry-After. */
    const expectRefused = (what: string, response: AttackResponse) =>
      tally.record(
        what,
        response,
        (response.status !== 429 || !(retryAfter(response) > 0)) && `answered ${response.status}, not 429 with Retry-After`
      )
    /** Records an attempt that must still reach Medusa (refused as a wrong password, not as too many). */
    const expectHeard = (what: string, response: AttackResponse, status = 401) =>
      tally.record(what, response, response.status !== status && `answered ${response.status}, expected ${status}`)

    beforeAll(async () => {
      await ensureAdminUser(getContainer(), ADMIN.email, ADMIN.password)
      for (const actor of ["customer", "producer"]) {
        const registered = await post(`/auth/${actor}/emailpass/register`, { email: `nan.nhan@${actor}.vn`, password: PASSWORD }, asNextPerson())
        expect(registered.status).toBe(200)
      }
    })

    afterAll(() => {
      tally.report()
      expect(tally.leaks).toEqual([])
      expect(tally.serverErrors).toEqual([])
    })

    it("30 wrong admin passwords from one address: the first 10 are heard, the other 20 get 429 with Retry-After", async () => {
      const attacker = signedClientAddress(nextClientAddress())
      const responses: AttackResponse[] = []
      for (let i = 0; i < 30; i++) responses.push(await post("/auth/user/emailpass", { email: ADMIN.email, password: `sai-${i}` }, attacker))
      responses.slice(0, 10).forEach((r, i) => expectHeard(`admin guess ${i + 1}`, r))
      responses.slice(10).forEach((r, i) => expectRefused(`admin guess ${i + 11}`, r))
      expect(responses.slice(10).map((r) => r.status)).toEqual(Array(20).fill(429))
      expect(retryAfter(responses[29])).toBeGreaterThan(0)
      expect(retryAfter(responses[29])).toBeLessThanOrEqual(60)
      // Ten guesses from one address left the account's own budget untouched: its owner signs in elsewhere.
      expect((await post("/auth/user/emailpass", ADMIN, asNextPerson())).status).toBe(200)
    })

    it.each(["customer", "producer"])("limits %s sign-in per address: the 11th guess gets 429", async (actor) => {
      const attacker = signedClientAddress(nextClientAddress())
      for (let i = 0; i < 10; i++) {
        expectHeard(
          `${actor} guess ${i + 1}`,
          await post(`/auth/${actor}/emailpass`, { email: `nan.nhan@${actor}.vn`, password: `sai-${i}` }, attacker)
        )
      }
      const eleventh = await post(`/auth/${actor}/emailpass`, { email: `nan.nhan@${actor}.vn`, password: PASSWORD }, attacker)
      expectRefused(`${actor} guess 11 (even the right password)`, eleventh)
      expect(eleventh.status).toBe(429)
      // The owner, from their own address, is not held up by one guesser.
      const owner = await post(`/auth/${actor}/emailpass`, { email: `nan.nhan@${actor}.vn`, password: PASSWORD }, asNextPerson())
      expect(owner.status).toBe(200)
    })

    it("a different account from the same address is still limited by the address", async () => {
      const attacker = signedClientAddress(nextClientAddress())
      for (let i = 0; i < 10; i++) {
        expectHeard(`spray ${i + 1}`, await post("/auth/customer/emailpass", { email: `nguoi-${i}@example.vn`, password: "doan-thu" }, attacker))
      }
      const other = await post("/auth/producer/emailpass", { email: "nan.nhan@producer.vn", password: "doan-thu" }, attacker)
      expectRefused("spray at another actor's account", other)
      expect(other.status).toBe(429)
    })

    it("limits one account across many addresses and backs off with a growing wait instead of locking it", async () => {
      const guess = (i: number) => post("/auth/user/emailpass", { email: ADMIN.email.toUpperCase(), password: `bot-${i}` }, asNextPerson())
      // Each guess from its own address (a botnet): the address limit never triggers, the account limit does.
      for (let i = 0; i < 20; i++) expectHeard(`botnet guess ${i + 1}`, await guess(i))
      const first = await guess(20)
      expectRefused("botnet guess 21", first)
      expect(first.status).toBe(429)
      expect(retryAfter(first)).toBe(FIRST_WAIT_SECONDS)
      const owner = await post("/auth/user/emailpass", ADMIN, asNextPerson())
      expectRefused("the right password while the account waits", owner)
      expect(owner.status).toBe(429)
      expect(retryAfter(owner)).toBeLessThanOrEqual(FIRST_WAIT_SECONDS)

      // Not locked for good: after the wait the account is heard again; the next wait is twice as long.
      await new Promise((resolve) => setTimeout(resolve, (FIRST_WAIT_SECONDS + 1) * 1000))
      for (let i = 0; i < 20; i++) expectHeard(`botnet guess after the wait ${i + 1}`, await guess(100 + i))
      const second = await guess(200)
      expectRefused("botnet guess after the wait 21", second)
      expect(retryAfter(second)).toBe(2 * FIRST_WAIT_SECONDS)
    })

    it("a successful sign-in clears its account's count", async () => {
      const email = "nan.nhan@customer.vn"
      for (let i = 0; i < 15; i++) {
        expectHeard(`typo ${i + 1}`, await post("/auth/customer/emailpass", { email, password: `go-nham-${i}` }, asNextPerson()))
      }
      const success = await post("/auth/customer/emailpass", { email, password: PASSWORD }, asNextPerson())
      expect(success.status).toBe(200)
      const after: number[] = []
      for (let i = 0; i < 20; i++) after.push((await post("/auth/customer/emailpass", { email, password: `lai-nham-${i}` }, asNextPerson())).status)
      // Without the reset the 5th of these would already be the account's 21st attempt.
      expect(after).toEqual(Array(20).fill(401))
    })

    it("limits registration, reset requests and password updates", async () => {
      const attacker = signedClientAddress(nextClientAddress())
      for (let i = 0; i < 10; i++) {
        expectHeard(
          `registration ${i + 1}`,
          await post("/auth/customer/emailpass/register", { email: `moi-${i}@example.vn`, password: PASSWORD }, attacker),
          200
        )
      }
      const registration = await post("/auth/customer/emailpass/register", { email: "moi-11@example.vn", password: PASSWORD }, attacker)
      expectRefused("registration 11", registration)
      expect(registration.status).toBe(429)

      const resetter = signedClientAddress(nextClientAddress())
      for (let i = 0; i < 10; i++) {
        expectHeard(
          `reset request ${i + 1}`,
          await post("/auth/producer/emailpass/reset-password", { identifier: `ai-do-${i}@example.vn` }, resetter),
          201
        )
      }
      const reset = await post("/auth/producer/emailpass/reset-password", { identifier: "nan.nhan@producer.vn" }, resetter)
      expectRefused("reset request 11", reset)
      expect(reset.status).toBe(429)

      // Reset mails to one person from many addresses: the account limit holds.
      for (let i = 0; i < 20; i++) {
        expectHeard(
          `reset mail ${i + 1}`,
          await post("/auth/user/emailpass/reset-password", { identifier: "ban.tin@ocop.test" }, asNextPerson()),
          201
        )
      }
      const flood = await post("/auth/user/emailpass/reset-password", { identifier: "Ban.Tin@ocop.test" }, asNextPerson())
      expectRefused("reset mail 21", flood)
      expect(flood.status).toBe(429)

      const updater = { ...signedClientAddress(nextClientAddress()), authorization: "Bearer khong.phai.token" }
      for (let i = 0; i < 10; i++)
        expectHeard(`password update ${i + 1}`, await post("/auth/customer/emailpass/update", { password: PASSWORD }, updater))
      const update = await post("/auth/customer/emailpass/update", { password: PASSWORD }, updater)
      expectRefused("password update 11", update)
      expect(update.status).toBe(429)
    })

    it("counts an IPv6 /64 as one address", async () => {
      const sameHousehold = (i: number) => signedClientAddress(`2001:db8:7:9:${(i + 1).toString(16)}::${i + 1}`)
      for (let i = 0; i < 10; i++) {
        expectHeard(
          `IPv6 guess ${i + 1}`,
          await post("/auth/customer/emailpass", { email: `v6-${i}@example.vn`, password: "doan" }, sameHousehold(i))
        )
      }
      const rotated = await post("/auth/customer/emailpass", { email: "v6-x@example.vn", password: "doan" }, sameHousehold(77))
      expectRefused("IPv6 guess from a new address in the same /64", rotated)
      expect(rotated.status).toBe(429)
      const neighbour = await post("/auth/customer/emailpass", { email: "v6-y@example.vn", password: "doan" }, signedClientAddress("2001:db8:7:a::1"))
      expectHeard("another /64", neighbour)
    })

    it("ignores X-Forwarded-For from an untrusted caller and a wrongly signed address; honours the shop's signature", async () => {
      // Unsigned requests count against the socket's address, whatever X-Forwarded-For says.
      for (let i = 0; i < 10; i++) {
        const forged = { "x-forwarded-for": `203.0.113.${i + 1}` }
        expectHeard(`forged X-Forwarded-For ${i + 1}`, await post("/auth/user/emailpass", { email: `xff-${i}@example.vn`, password: "doan" }, forged))
      }
      const fresh = await post("/auth/user/emailpass", { email: "xff@example.vn", password: "doan" }, { "x-forwarded-for": "203.0.113.200" })
      expectRefused("a fresh forged X-Forwarded-For", fresh)
      expect(fresh.status).toBe(429)

      const address = "203.0.113.201"
      const wrongSecret = { [CLIENT_ADDRESS_HEADER]: address, [CLIENT_SIGNATURE_HEADER]: signClientAddress(address, "not-the-shops-secret") }
      expectRefused(
        "an address signed with another secret",
        await post("/auth/user/emailpass", { email: "sig@example.vn", password: "doan" }, wrongSecret)
      )
      const stale = {
        [CLIENT_ADDRESS_HEADER]: address,
        [CLIENT_SIGNATURE_HEADER]: signClientAddress(address, process.env.OCOP_FORWARDING_SECRET!, Math.floor(Date.now() / 1000) - 3600),
      }
      expectRefused("a signature an hour old (replayed)", await post("/auth/user/emailpass", { email: "sig@example.vn", password: "doan" }, stale))
      const borrowed = { ...signedClientAddress(address), [CLIENT_ADDRESS_HEADER]: "203.0.113.202" }
      expectRefused(
        "a valid signature moved to another address",
        await post("/auth/user/emailpass", { email: "sig@example.vn", password: "doan" }, borrowed)
      )

      const signed = await post("/auth/user/emailpass", { email: "sig@example.vn", password: "doan" }, signedClientAddress(address))
      expectHeard("the shop's signed address", signed)
    })
  },
})
