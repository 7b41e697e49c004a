import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import Redis from "ioredis"

const POINTS = Number(process.env.VENDOR_LOGIN_ATTEMPTS_PER_MINUTE ?? 10)

let limiter: RateLimiterAbstract | undefined

// Redis shares the count between backend instances; one process alone can count in memory.
function getLimiter(): RateLimiterAbstract {
  if (!limiter) {
    const options = { keyPrefix: "ocop-producer-login", points: POINTS, duration: 60 }
    limiter = process.env.REDIS_URL
      ? new RateLimiterRedis({
          ...options,
          storeClient: new Redis(process.env.REDIS_URL, { enableOfflineQueue: false }),
          insuranceLimiter: new RateLimiterMemory(options),
        })
      : new RateLimiterMemory(options)
  }
  return limiter
}

/**
 * Producer sign-in and registration: at most 10 attempts a minute per client address, so a password cannot be
 * guessed at speed. The address is Express's `req.ip`, which honours one proxy hop (Medusa sets trust proxy 1).
 */
export async function limitLoginAttempts(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    await getLimiter().consume(req.ip ?? "unknown")
    next()
  } catch (rejection) {
    if (rejection instanceof Error) return next(rejection)
    const retryAfter = Math.max(1, Math.ceil((rejection as { msBeforeNext: number }).msBeforeNext / 1000))
    res.setHeader("Retry-After", String(retryAfter))
    res.status(429).json({
      type: "too_many_requests",
      message: `Quá nhiều lần đăng nhập, thử lại sau ${retryAfter} giây / too many sign-in attempts, try again in ${retryAfter} s`,
    })
  }
}
