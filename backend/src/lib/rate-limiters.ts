import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible"
import Redis from "ioredis"

/**
 * Makes rate limiters that count in Redis when there is one (so backend instances share the counts), each backed by
 * an in-memory limiter that takes over while Redis is unreachable; one process alone counts in memory.
 */
export function createLimiterFactory(redisUrl: string | undefined) {
  const redis = redisUrl ? new Redis(redisUrl, { enableOfflineQueue: false }) : undefined
  return (keyPrefix: string, points: number, durationSeconds: number): RateLimiterAbstract =>
    redis
      ? new RateLimiterRedis({
          keyPrefix,
          points,
          duration: durationSeconds,
          storeClient: redis,
          insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds }),
        })
      : new RateLimiterMemory({ keyPrefix, points, duration: durationSeconds })
}

/** Consumes one point of the key's budget: undefined when it was admitted, the refusal (with its wait) when the budget is spent. A store failure is thrown. */
export async function consumePoint(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes | undefined> {
  try {
    await limiter.consume(key)
    return undefined
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection
    throw rejection
  }
}
