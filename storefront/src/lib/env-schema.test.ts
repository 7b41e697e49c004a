import { describe, expect, it } from "vitest"
import { parseShopEnv, REQUIRED_SHOP_SECRETS } from "./env-schema"

const complete = { REVALIDATE_SECRET: "r".repeat(64), OCOP_FORWARDING_SECRET: "f".repeat(64) }

describe("the shop's configuration", () => {
  it.each(REQUIRED_SHOP_SECRETS)("refuses to run without %s, naming it", (name) => {
    expect(() => parseShopEnv({ ...complete, [name]: undefined })).toThrow(`- ${name}: chưa đặt / not set`)
    // The literal the shop used to fall back to is refused too.
    expect(() => parseShopEnv({ ...complete, [name]: "local-dev-revalidate-secret" })).toThrow(`- ${name}: ít nhất 32 ký tự`)
  })

  it("names every missing secret at once, and only a build may run without them", () => {
    const error = (() => {
      try {
        parseShopEnv({})
      } catch (e) {
        return (e as Error).message
      }
    })()
    expect(error).toContain("REVALIDATE_SECRET: chưa đặt")
    expect(error).toContain("OCOP_FORWARDING_SECRET: chưa đặt")
    expect(parseShopEnv({}, { building: true }).REVALIDATE_SECRET).toHaveLength(64)
  })

  it("sends Secure cookies when the shop's public address is https, whatever NODE_ENV says", () => {
    expect(parseShopEnv({ ...complete, NODE_ENV: "production", SITE_URL: "http://localhost:8190" }).secureCookies).toBe(false)
    expect(parseShopEnv({ ...complete, NODE_ENV: "development", SITE_URL: "https://cho-ocop.vn" }).secureCookies).toBe(true)
  })

  it("takes Stripe's publishable key for the card step and refuses a secret key there, naming the variable", () => {
    expect(parseShopEnv(complete).NEXT_PUBLIC_STRIPE_KEY).toBeUndefined()
    expect(parseShopEnv({ ...complete, NEXT_PUBLIC_STRIPE_KEY: "" }).NEXT_PUBLIC_STRIPE_KEY).toBeUndefined()
    expect(parseShopEnv({ ...complete, NEXT_PUBLIC_STRIPE_KEY: "pk_test_51Abc" }).NEXT_PUBLIC_STRIPE_KEY).toBe("pk_test_51Abc")
    // A secret key would be sent to every browser.
    expect(() => parseShopEnv({ ...complete, NEXT_PUBLIC_STRIPE_KEY: "sk_live_51Abc" })).toThrow("- NEXT_PUBLIC_STRIPE_KEY: khoá công khai")
  })
})
