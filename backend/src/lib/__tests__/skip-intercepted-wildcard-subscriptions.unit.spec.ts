import LocalEventBus from "@medusajs/medusa/event-bus-local"
import { skipInterceptedWildcardSubscriptions } from "../skip-intercepted-wildcard-subscriptions"

const logger = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} }
type Bus = InstanceType<typeof LocalEventBus.service>

function createBus(worker_mode: "shared" | "server"): Bus {
  return new LocalEventBus.service({ logger } as never, {}, { worker_mode } as never)
}

// As Medusa's Caching Module registers its invalidation (DefaultCacheStrategy.onApplicationStart in 2.21): one handler,
// subscribed to every event and added as an interceptor.
function registerAsCachingDoes(bus: Bus, handler: (event: { name: string }) => Promise<void>): void {
  bus.subscribe("*", handler)
  bus.addInterceptor(handler as never)
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

describe("skipInterceptedWildcardSubscriptions", () => {
  beforeAll(() => {
    skipInterceptedWildcardSubscriptions()
    skipInterceptedWildcardSubscriptions() // a second call changes nothing
  })

  it("drops each event's cache entries once, not twice, for emitted and for released grouped events", async () => {
    const bus = createBus("shared")
    const invalidated: string[] = []
    registerAsCachingDoes(bus, async ({ name }) => void invalidated.push(name))
    await bus.emit({ name: "product.updated", data: { id: "prod_1" } })
    await bus.emit([{ name: "product_option.created", data: { id: "opt_1" }, metadata: { eventGroupId: "g" } }])
    await bus.releaseGroupedEvents("g")
    await settle()
    expect(invalidated.sort()).toEqual(["product.updated", "product_option.created"])
  })

  it("keeps every other subscriber to every event", async () => {
    const bus = createBus("shared")
    const seen: string[] = []
    registerAsCachingDoes(bus, async () => {})
    bus.subscribe("*", async ({ name }) => void seen.push(name))
    await bus.emit({ name: "product.updated", data: { id: "prod_1" } })
    await settle()
    expect(seen).toEqual(["product.updated"])
    expect(bus.eventToSubscribersMap.get("*")).toHaveLength(1)
  })

  it("leaves a server process no subscriber to every event, so the Redis bus enqueues only events someone handles", () => {
    // The Redis bus enqueues an event when this map has a subscriber for its name or for "*"; in a server process the
    // base class's unsubscribe does nothing, so the subscription must go all the same.
    const bus = createBus("server")
    registerAsCachingDoes(bus, async () => {})
    expect(bus.eventToSubscribersMap.get("*") ?? []).toHaveLength(0)
  })
})
