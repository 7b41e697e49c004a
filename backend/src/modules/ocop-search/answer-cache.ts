import { LRUCache } from "lru-cache"

/**
 * Buyers repeat the same searches (the home page's tiers, "mật ong", a province) far more often than the
 * catalogue changes, so answers are kept and dropped whenever the product index changes
 * (subscribers/clear-search-cache.ts). The index itself is updated a moment after the event, so an answer
 * computed in between may be stale: the TTL (SEARCH_CACHE_TTL_MS, default 5 s) bounds that, and bounds what
 * another instance that missed the event serves. Concurrent requests for the same answer share one computation,
 * so a burst after a change costs one query, not twenty.
 */
export class AnswerCache {
  private readonly cache: LRUCache<string, Promise<object>> | null

  constructor({ enabled, ttlMs, max }: { enabled: boolean; ttlMs: number; max: number }) {
    this.cache = enabled && ttlMs > 0 ? new LRUCache<string, Promise<object>>({ max, ttl: ttlMs }) : null
  }

  remember<T extends object>(key: string, compute: () => Promise<T>): Promise<T> {
    const cache = this.cache
    if (!cache) return compute()
    const pending = cache.get(key) as Promise<T> | undefined
    if (pending) return pending
    const promise = compute()
    cache.set(key, promise)
    // A failed search is not an answer: the next request tries again.
    promise.catch(() => cache.get(key) === promise && cache.delete(key))
    return promise
  }

  clear() {
    // lru-cache's clear() walks all `max` slots even when empty; an import clears once per product written.
    if (this.cache?.size) this.cache.clear()
  }
}
