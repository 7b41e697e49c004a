import Redis from "ioredis"
import { readConfig } from "./config"

/**
 * Scaled out (scripts/start-cluster.mjs), subscribers run only in the worker process, but the search answers and
 * the typo vocabulary are cached in every server process. The worker's subscriber therefore publishes on a Redis
 * channel and each process clears its own caches when the message arrives. Without REDIS_URL there is one process
 * and nothing to tell.
 */
const CHANNEL = "ocop:catalog-changed"

let publisher: Redis | undefined
let subscriber: Redis | undefined
const listeners = new Set<() => void>()

export function broadcastCatalogChange() {
  const { redisUrl } = readConfig()
  if (!redisUrl) return
  // No offline queue: a message that cannot be sent now is stale by the time Redis is back (the caches' TTL bounds
  // what a process that missed it serves).
  publisher ??= new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0 }).on("error", () => undefined)
  publisher.publish(CHANNEL, String(Date.now())).catch(() => undefined)
}

export function onCatalogChange(listener: () => void) {
  listeners.add(listener)
  const { redisUrl } = readConfig()
  if (!redisUrl || subscriber) return
  // ioredis reconnects and subscribes again by itself after Redis restarts.
  subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null }).on("error", () => undefined)
  subscriber.on("message", () => listeners.forEach((clear) => clear()))
  subscriber.subscribe(CHANNEL).catch(() => undefined)
}
