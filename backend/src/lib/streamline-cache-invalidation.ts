import type { EventBusTypes } from "@medusajs/framework/types"
import { AbstractEventBusModuleService } from "@medusajs/framework/utils"

type Interceptor = EventBusTypes.InterceptorSubscriber
type Message = EventBusTypes.Message
// The local event bus keeps each subscriber twice: in the base class's map and, wrapped, as a listener of its emitter.
type EventBus = AbstractEventBusModuleService & { eventEmitter_?: { listeners(event: string): unknown[]; off(event: string, listener: never): void } }

const STREAMLINED = Symbol.for("ocop.streamline-cache-invalidation")

/**
 * Makes Medusa's Caching Module drop each event's cache entries once, and a burst of events' entries together.
 *
 * The Caching Module (2.21, `DefaultCacheStrategy.onApplicationStart`) registers ONE handler twice: as an
 * interceptor of the event bus, which every emit and every released group calls in the emitting process, and as a
 * subscriber to `*`. A function that becomes an interceptor here loses its `*` subscription, and its calls are
 * gathered per turn of the event loop.
 *
 * - The subscription: with the Redis event bus, which enqueues every event that has a subscriber, it turned every
 *   module event into a BullMQ job: a first import of 20,000 rows emits ~122,000 events (each product, its option,
 *   option value and their two join rows, then `product.created`), ~100,000 of them with no subscriber of their own;
 *   the worker worked through them 47–50 s after the index was complete, only to drop a second time entries the
 *   interceptor had dropped already (docs/benchmarks.md, session 15). The interceptor alone drops every entry the
 *   subscription did: it sees every event emitted and every group released, before any subscriber.
 * - The gathering: each call of the handler is a clear of its own (with Redis, a pipeline and a round trip), and a
 *   released group is thousands of events at once: 5.4 s (7 %) of that import's process went to 122,000 pipelines.
 *   The events of one turn reach the handler as one call per event name carrying all their data, which it reads
 *   item by item as it reads an event emitted with a list (docs/benchmarks.md, session 16).
 *
 * Custom cache strategies are switched off in 2.21 (`@medusajs/medusa`'s caching provider loader), so the bus is
 * where to do it. Idempotent; call it before the modules load (medusa-config.ts).
 */
export function streamlineCacheInvalidation(): void {
  const prototype = AbstractEventBusModuleService.prototype as EventBus & { [STREAMLINED]?: true }
  if (prototype[STREAMLINED]) return
  const addInterceptor = prototype.addInterceptor
  prototype.addInterceptor = function (this: EventBus, interceptor: Interceptor) {
    return addInterceptor.call(this, dropWildcardSubscription(this, interceptor) ? gatherPerTurn(interceptor) : interceptor)
  }
  prototype[STREAMLINED] = true
}

/** Whether the handler was subscribed to every event (the Caching Module's), and is no longer. */
function dropWildcardSubscription(bus: EventBus, handler: Interceptor): boolean {
  const subscribers = bus.eventToSubscribersMap.get("*") ?? []
  const index = subscribers.findIndex(({ subscriber }) => subscriber === handler)
  if (index === -1) return false
  const { id } = subscribers[index]
  // Directly: the base class's `unsubscribe` does nothing in a process whose worker mode is "server".
  subscribers.splice(index, 1)
  const emitter = bus.eventEmitter_
  const listener = emitter?.listeners("*").find((candidate) => (candidate as { subscriberId?: string }).subscriberId === id)
  if (emitter && listener) emitter.off("*", listener as never)
  return true
}

/**
 * The handler called once per event name with the data of every event of that name intercepted in the same turn
 * of the event loop (the bus does not wait for interceptors, so nothing waits for this either).
 */
function gatherPerTurn(handler: Interceptor): Interceptor {
  let pending: Map<string, unknown[]> | undefined
  const flush = (batch: Map<string, unknown[]>) => {
    for (const [name, data] of batch) {
      Promise.resolve(handler({ name, data })).catch((error) => console.error("Error in event bus interceptor:", error))
    }
  }
  return (message: Message) => {
    if (!pending) {
      const batch = (pending = new Map())
      setImmediate(() => {
        pending = undefined
        flush(batch)
      })
    }
    let data = pending.get(message.name)
    if (!data) pending.set(message.name, (data = []))
    // One by one: a spread of a released group's data could exceed the call stack's argument limit.
    for (const item of Array.isArray(message.data) ? message.data : [message.data]) data.push(item)
  }
}
