import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaContextType, Modules } from "@medusajs/framework/utils"
import type { PlannedRow } from "../../plan-import"
import { createImportedProductChunk } from "../create-imported-products"

type Event = { name: string; data: { id: string }; metadata?: { eventGroupId?: string } }

/**
 * The modules as the chunk sees them: the Product Module stores products and groups its own `product.created` by
 * the context's eventGroupId (as Medusa's modules do), the link refuses when told to, and the event bus delivers
 * an event at once unless it belongs to a group, whose events wait for releaseGroupedEvents.
 */
function fakeContainer({ linksFail = false } = {}) {
  const products = new Map<string, { id: string; external_id: string }>()
  const groups = new Map<string, Event[]>()
  const delivered: Event[] = []
  const links: unknown[] = []
  const eventBus = {
    emit: async (events: Event[]) => {
      for (const event of events) {
        const group = event.metadata?.eventGroupId
        if (group) groups.set(group, [...(groups.get(group) ?? []), event])
        else delivered.push(event)
      }
    },
    releaseGroupedEvents: async (group: string) => {
      delivered.push(...(groups.get(group) ?? []))
      groups.delete(group)
    },
    clearGroupedEvents: async (group: string) => void groups.delete(group),
  }
  let next = 0
  const services: Record<string, unknown> = {
    [Modules.EVENT_BUS]: eventBus,
    [Modules.PRODUCT]: {
      createProducts: async (data: { external_id: string }[], context: { __type?: string; eventGroupId?: string }) => {
        expect(context.__type).toBe(MedusaContextType)
        const made = data.map(({ external_id }) => ({ id: `prod_${++next}`, external_id }))
        made.forEach((p) => products.set(p.id, p))
        await eventBus.emit(made.map(({ id }) => ({ name: "product.created", data: { id }, metadata: { eventGroupId: context.eventGroupId } })))
        return made
      },
      deleteProducts: async (ids: string[]) => ids.forEach((id) => products.delete(id)),
    },
    [ContainerRegistrationKeys.LINK]: {
      create: async (data: unknown[]) => {
        if (linksFail) throw new Error("link refused")
        links.push(...data)
      },
      dismiss: async () => undefined,
    },
  }
  const container = { resolve: (key: string) => services[key] } as unknown as MedusaContainer
  return { container, products, groups, delivered, links }
}

const rows = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => ({ key: `ocop:test-${i}`, record: { product_name: `Mật ong bạc hà ${i}`, province_code_2025: "02" } }) as unknown as PlannedRow
  )

describe("createImportedProductChunk", () => {
  it("announces a written chunk's products once its links are written, and holds no event afterwards", async () => {
    const fake = fakeContainer()
    const created = await createImportedProductChunk(fake.container, { rows: rows(3), sales_channel_id: "sc_1", shipping_profile_id: "sp_1" })
    expect(created.map((p) => p.external_id)).toEqual(["ocop:test-0", "ocop:test-1", "ocop:test-2"])
    expect(fake.links).toHaveLength(6)
    const created_ = fake.delivered.filter((e) => e.name === "product.created")
    // The module's event and the workflow-level one, as createProductsWorkflow emits both.
    expect(created_.map((e) => e.data.id).sort()).toEqual(["prod_1", "prod_1", "prod_2", "prod_2", "prod_3", "prod_3"])
    expect(fake.groups.size).toBe(0)
  })

  it("leaves no product and announces none when the chunk's links are refused", async () => {
    const fake = fakeContainer({ linksFail: true })
    await expect(createImportedProductChunk(fake.container, { rows: rows(3), sales_channel_id: "sc_1", shipping_profile_id: null })).rejects.toThrow(
      "link refused"
    )
    expect(fake.products.size).toBe(0)
    expect(fake.delivered.filter((e) => e.name === "product.created")).toEqual([])
    expect(fake.delivered.filter((e) => e.name === "product.deleted")).toHaveLength(3)
    expect(fake.groups.size).toBe(0)
  })
})
