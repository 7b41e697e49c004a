import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import Redis from "ioredis"
import { readConfig } from "../../../lib/config"

/**
 * Readiness for a load balancer (HAProxy's active checks in scripts/start-cluster.mjs): 200 when this process can
 * reach PostgreSQL and, when configured, Redis; 503 naming what failed otherwise. Medusa's own /health only says
 * the process is up. Each check gives up after CHECK_TIMEOUT_MS so a dead dependency answers fast, not after
 * the pool's or the driver's own (much longer) timeouts.
 */
const CHECK_TIMEOUT_MS = 1_000

let redis: Redis | undefined

function withTimeout<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

async function check(what: string, probe: () => Promise<unknown>): Promise<string> {
  try {
    await withTimeout(what, probe())
    return "ok"
  } catch (error) {
    return (error as Error).message || "unavailable"
  }
}

export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { redisUrl } = readConfig()
  const pg = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const checks: Record<string, string> = { database: await check("database", () => pg.raw("select 1")) }
  if (redisUrl) {
    // Its own connection without an offline queue: a ping while Redis is down fails at once instead of waiting.
    redis ??= new Redis(redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: CHECK_TIMEOUT_MS,
      retryStrategy: () => 500,
    }).on("error", () => undefined)
    const client = redis
    checks.redis = await check("redis", () => client.ping())
  }
  const ready = Object.values(checks).every((result) => result === "ok")
  res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "unavailable", checks })
}
