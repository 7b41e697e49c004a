import { AbstractEventBusModuleService } from "@medusajs/framework/utils"

type Interceptor = Parameters<AbstractEventBusModuleService["addInterceptor"]>[0]
// The local event bus keeps each subscriber twice: in the base class's map and, wrapped, as a listener of its emitter.
type EventBus = AbstractEventBusModuleService & { eventEmitter_?: { listeners(event: string): unknown[]; off(event: string, listener: never): void } }

const SKIPPING = Symbol.for("ocop.skip-intercepted-wildcard-subscriptions")

/**
 * Makes an event bus drop the `*` subscription of a function when the same function becomes its interceptor.
 *
 * Why: Medusa's Caching Module (2.21, `DefaultCacheStrategy.onApplicationStart`) registers ONE handler twice: as an
 * interceptor, which every emit calls in the emitting process, and as a subscriber to `*`. Each event so drops its
 * cache entries twice. With the Redis event bus, which enqueues every event that has a subscriber, the `*`
 * subscription turns every module event into a BullMQ job: a first import of 20,000 rows emits ~122,000 events
 * (each product, its option, option value and their two join rows, then `product.created`), of which ~100,000 have no
 * subscriber of their own; the worker worked through them all, 47–50 s after the index was complete, only to drop a
 * second time entries the interceptor had already dropped in the shared Redis cache (docs/benchmarks.md, session 15).
 * With the in-memory bus both calls happen in the same process. The interceptor alone drops every entry the subscription
 * did: it sees every event emitted and every group released, before any subscriber. Custom cache strategies are
 * switched off in 2.21 (`@medusajs/medusa`'s caching provider loader), so the bus is where to stop the copy.
 *
 * Idempotent; call it before the modules load (medusa-config.ts).
 */
export function skipInterceptedWildcardSubscriptions(): void {
  const prototype = AbstractEventBusModuleService.prototype as EventBus & { [SKIPPING]?: true }
  if (prototype[SKIPPING]) return
  const addInterceptor = prototype.addInterceptor
  prototype.addInterceptor = function (this: EventBus, interceptor: Interceptor) {
    dropWildcardSubscription(this, interceptor)
    return addInterceptor.call(this, interceptor)
  }
  prototype[SKIPPING] = true
}

function dropWildcardSubscription(bus: EventBus, handler: Interceptor): void {
  const subscribers = bus.eventToSubscribersMap.get("*") ?? []
  const index = subscribers.findIndex(({ subscriber }) => subscriber === handler)
  if (index === -1) return
  const { id } = subscribers[index]
  // Directly: the base class's `unsubscribe` does nothing in a process whose worker mode is "server".
  subscribers.splice(index, 1)
  const emitter = bus.eventEmitter_
  const listener = emitter?.listeners("*").find((candidate) => (candidate as { subscriberId?: string }).subscriberId === id)
  if (emitter && listener) emitter.off("*", listener as never)
}
