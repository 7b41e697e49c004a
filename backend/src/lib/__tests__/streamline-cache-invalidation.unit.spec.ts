import LocalEventBus from "@medusajs/medusa/event-bus-local"
import { streamlineCacheInvalidation } from "../streamline-cache-invalidation"

const logger = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} }
type Bus = InstanceType<typeof LocalEventBus.service>

function createBus(worker_mode: "shared" | "server"): Bus {
  return new LocalEventBus.service({ logger } as never, {}, { worker_mode } as never)
}

// As Medusa's Caching Module registers its invalidation (DefaultCacheStrategy.onApplicationStart in 2.21): one handler,
// subscribed to every event and added as an interceptor.
function registerAsCachingDoes(bus: Bus, handler: (event: { name: string; data: unknown }) => Promise<void>): void {
  bus.subscribe("*", handler)
  bus.addInterceptor(handler as never)
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

describe("streamlineCacheInvalidation", () => {
  beforeAll(() => {
    streamlineCacheInvalidation()
    streamlineCacheInvalidation() // a second call changes nothing
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

  it("drops a burst's entries in one call per event name, with every event's data, and a later event's in a call of its own", async () => {
    const bus = createBus("server")
    const calls: { name: string; ids: string[] }[] = []
    registerAsCachingDoes(bus, async ({ name, data }) => void calls.push({ name, ids: (data as { id: string }[]).map((item) => item.id) }))
    // As an import's chunk releases its group: thousands of module events at once, of a few names, one a list itself.
    const products = Array.from({ length: 3000 }, (_, i) => ({
      name: "product.created",
      data: { id: `prod_${i}` },
      metadata: { eventGroupId: "chunk" },
    }))
    const options = Array.from({ length: 3000 }, (_, i) => ({
      name: "product_option.created",
      data: { id: `opt_${i}` },
      metadata: { eventGroupId: "chunk" },
    }))
    await bus.emit([...products, ...options])
    await bus.emit({ name: "product.updated", data: [{ id: "prod_a" }, { id: "prod_b" }] })
    await bus.releaseGroupedEvents("chunk")
    await settle()
    await bus.emit({ name: "product.created", data: { id: "prod_later" } })
    await settle()
    expect(calls.map(({ name, ids }) => [name, ids.length])).toEqual([
      ["product.updated", 2],
      ["product.created", 3000],
      ["product_option.created", 3000],
      ["product.created", 1],
    ])
    expect(calls[1].ids).toEqual(products.map((event) => event.data.id))
    expect(calls[3].ids).toEqual(["prod_later"])
  })

  it("leaves any other interceptor called once per event", async () => {
    const bus = createBus("shared")
    const seen: string[] = []
    bus.addInterceptor((async ({ name }: { name: string }) => void seen.push(name)) as never)
    await bus.emit([
      { name: "product.created", data: { id: "prod_1" } },
      { name: "product.created", data: { id: "prod_2" } },
    ])
    expect(seen).toEqual(["product.created", "product.created"])
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
