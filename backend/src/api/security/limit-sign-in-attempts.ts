import type { RateLimiterAbstract } from "rate-limiter-flexible"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { z } from "zod"
import { readConfig } from "../../lib/config"
import { consumePoint, createLimiterFactory } from "../../lib/rate-limiters"
import { readClientAddress } from "./client-address"

/**
 * LOGIN_ATTEMPTS_PER_MINUTE per client address, whatever accounts it tries, and LOGIN_ATTEMPTS_PER_ACCOUNT at one
 * account in 15 minutes, from anywhere, before it backs off. The account budget defaults to twice the per-address
 * one so one address runs out of its own budget first: a single guesser never slows the owner down, only a crowd does.
 */
const limits = () => readConfig().signInLimits
const ACCOUNT_WINDOW_SECONDS = 15 * 60
/** The wait after an account's budget runs out doubles each time within a day (from `firstWaitSeconds`) up to an hour. */
const LONGEST_WAIT_SECONDS = 60 * 60

type Limiters = { address: RateLimiterAbstract; account: RateLimiterAbstract; accountWaits: RateLimiterAbstract }
let limiters: Limiters | undefined

// Redis shares the counts between backend instances; one process alone can count in memory.
function getLimiters(): Limiters {
  if (limiters) return limiters
  const { redisUrl } = readConfig()
  const create = createLimiterFactory(redisUrl)
  limiters = {
    address: create("ocop-sign-in-address", limits().perAddressPerMinute, 60),
    account: create("ocop-sign-in-account", limits().perAccount, ACCOUNT_WINDOW_SECONDS),
    // Counts how often an account ran out of budget today; the count sets the next wait.
    accountWaits: create("ocop-sign-in-account-waits", 1_000_000, 24 * 60 * 60),
  }
  return limiters
}

const accountName = z.string().trim().min(1).max(320).toLowerCase()
const resetTokenPayload = z.object({ entity_id: z.string() })

/**
 * The account an attempt is aimed at: the email of a sign-in or registration, the identifier of a reset request,
 * the identity inside a reset token (read without checking its signature: it only picks a bucket, Medusa checks it).
 */
function readAccount(req: MedusaRequest): string | undefined {
  const body = (req.body ?? {}) as Record<string, unknown>
  let candidate: unknown = req.path.endsWith("/reset-password") ? body.identifier : body.email
  if (req.path.endsWith("/update")) {
    const payload = req.headers.authorization?.replace(/^Bearer\s+/i, "").split(".")[1]
    try {
      candidate = payload ? resetTokenPayload.parse(JSON.parse(Buffer.from(payload, "base64url").toString())).entity_id : undefined
    } catch {
      candidate = undefined
    }
  }
  const parsed = accountName.safeParse(candidate)
  return parsed.success ? `${req.params.actor_type}:${parsed.data}` : undefined
}

function refuse(res: MedusaResponse, waitMs: number) {
  const retryAfter = Math.max(1, Math.ceil(waitMs / 1000))
  res.setHeader("Retry-After", String(retryAfter))
  res.status(429).json({
    type: "too_many_requests",
    message: `Quá nhiều lần đăng nhập, thử lại sau ${retryAfter} giây / too many sign-in attempts, try again in ${retryAfter} s`,
  })
}

/**
 * Every emailpass sign-in, registration, reset request and password update of every actor (`/auth/:actor_type/
 * emailpass…`): a budget per client address (see client-address.ts for which address) and one per account, so
 * neither one address trying many accounts nor many addresses trying one account can guess at speed. An account
 * is never locked for good: it waits, longer each time, and a successful sign-in clears its count.
 */
export async function limitSignInAttempts(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const { address, account, accountWaits } = getLimiters()
    const byAddress = await consumePoint(address, readClientAddress(req))
    if (byAddress) return refuse(res, byAddress.msBeforeNext)

    const accountKey = readAccount(req)
    if (accountKey) {
      const byAccount = await consumePoint(account, accountKey)
      if (byAccount) {
        // Only the attempt that spends the budget sets the wait; later ones during it are told what is left.
        if (byAccount.consumedPoints !== limits().perAccount + 1) return refuse(res, byAccount.msBeforeNext)
        const { consumedPoints: waitsToday } = await accountWaits.consume(accountKey)
        const waitSeconds = Math.min(limits().firstWaitSeconds * 2 ** (waitsToday - 1), LONGEST_WAIT_SECONDS)
        await account.block(accountKey, waitSeconds)
        return refuse(res, waitSeconds * 1000)
      }
      res.on("finish", () => {
        // 200 is a token (sign-in, registration) or a changed password: the owner is in, their count starts over.
        if (res.statusCode === 200) void Promise.all([account.delete(accountKey), accountWaits.delete(accountKey)]).catch(() => undefined)
      })
    }
    next()
  } catch (error) {
    next(error)
  }
}
