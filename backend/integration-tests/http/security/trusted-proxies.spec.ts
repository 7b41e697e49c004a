import { runMedusaSuite } from "../../fixtures/medusa-suite"
import { attempt, createAttackTally, type AttackResponse } from "../../fixtures/attack-tally"

jest.setTimeout(300_000)

// This suite's backend sits behind a proxy on the loopback address, as a production backend behind its load balancer.
process.env.TRUSTED_PROXIES = "127.0.0.1,::1"

const tally = createAttackTally("trusted-proxies")

/** With TRUSTED_PROXIES set, the sign-in limit counts the address the trusted proxy reports, and only that one. */
runMedusaSuite({
  testSuite: ({ api }) => {
    const guess = (xff: string, i: number) =>
      attempt(() =>
        api.post("/auth/customer/emailpass", { email: `proxy-${i}@example.vn`, password: "doan" }, { headers: { "x-forwarded-for": xff } })
      )
    const record = (what: string, response: AttackResponse, status: number) =>
      tally.record(what, response, response.status !== status && `answered ${response.status}, expected ${status}`)

    afterAll(() => {
      tally.report()
      expect(tally.leaks).toEqual([])
      expect(tally.serverErrors).toEqual([])
    })

    it("counts the address the trusted proxy appended; what the client wrote before it does not help", async () => {
      for (let i = 0; i < 10; i++) record(`guess ${i + 1} through the proxy`, await guess("203.0.113.50", i), 401)
      // The client prepends addresses of its own; the proxy appended the real one last.
      const prepended = await guess("6.6.6.6, 198.18.0.1, 203.0.113.50", 10)
      record("guess 11 with addresses prepended", prepended, 429)
      expect(prepended.status).toBe(429)
      expect(Number(prepended.headers?.["retry-after"])).toBeGreaterThan(0)

      const otherPerson = await guess("203.0.113.51", 11)
      record("another person through the same proxy", otherPerson, 401)
      expect(otherPerson.status).toBe(401)
    })
  },
})
