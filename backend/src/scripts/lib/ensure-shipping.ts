import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createShippingOptionsWorkflow, createShippingProfilesWorkflow } from "@medusajs/medusa/core-flows"
import { PRODUCER_SHIPPING_PROVIDER_ID } from "../../lib/shipping-fees"

const FULFILLMENT_SET = "Giao hàng toàn quốc"
const MANUAL_PROVIDER = "manual_manual"
/** Priced by our provider as the sum of each producer's part fee (issue 15 point 3, docs/shipping.md). */
const PER_PRODUCER_OPTION = {
  name: "Giao hàng từ nhà sản xuất",
  code: "per-producer",
  description: "Mỗi nhà sản xuất tự giao phần hàng của mình; phí theo từng nhà sản xuất",
}
const OPTION_RULES = [
  { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
  { attribute: "is_return", value: "false", operator: "eq" as const },
]

/** Delivery options a buyer picks at checkout; VND, whole đồng. */
const SHIPPING_OPTIONS = [
  { name: "Giao hàng tiêu chuẩn (3–5 ngày)", code: "standard", amount: 30000, description: "Giao trong 3–5 ngày làm việc" },
  { name: "Giao hàng nhanh (1–2 ngày)", code: "express", amount: 55000, description: "Giao trong 1–2 ngày làm việc" },
]

/**
 * What checkout needs besides products: a shipping profile every product belongs to, a fulfilment set covering
 * Việt Nam served from the warehouse, and the delivery options priced in VND. Created only when missing, and
 * products that predate the profile (earlier starts, imports) are attached to it.
 */
export async function ensureShipping(container: MedusaContainer, input: { regionId: string; stockLocationId: string }) {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  let [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Mặc định", type: "default" }] },
    })
    profile = result[0]
  }

  let [set] = await fulfillment.listFulfillmentSets({ name: FULFILLMENT_SET }, { relations: ["service_zones"] })
  if (!set) {
    set = await fulfillment.createFulfillmentSets({
      name: FULFILLMENT_SET,
      type: "shipping",
      service_zones: [{ name: "Việt Nam", geo_zones: [{ country_code: "vn", type: "country" }] }],
    })
    await link.create([
      { [Modules.STOCK_LOCATION]: { stock_location_id: input.stockLocationId }, [Modules.FULFILLMENT]: { fulfillment_set_id: set.id } },
      {
        [Modules.STOCK_LOCATION]: { stock_location_id: input.stockLocationId },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: MANUAL_PROVIDER },
      },
    ])
    const zone = set.service_zones[0]
    await createShippingOptionsWorkflow(container).run({
      input: SHIPPING_OPTIONS.map((option) => ({
        name: option.name,
        price_type: "flat" as const,
        provider_id: MANUAL_PROVIDER,
        service_zone_id: zone.id,
        shipping_profile_id: profile.id,
        type: { label: option.name, description: option.description, code: option.code },
        prices: [
          { currency_code: "vnd", amount: option.amount },
          { region_id: input.regionId, amount: option.amount },
        ],
        rules: OPTION_RULES,
      })),
    })
  }

  await ensurePerProducerOption(container, { setId: set.id, profileId: profile.id, stockLocationId: input.stockLocationId })

  const { data: products } = await query.graph({ entity: "product", fields: ["id", "shipping_profile.id"] })
  const orphans = products.filter((p: any) => !p.shipping_profile?.id)
  if (orphans.length) {
    await link.create(
      orphans.map((p: any) => ({
        [Modules.PRODUCT]: { product_id: p.id },
        [Modules.FULFILLMENT]: { shipping_profile_id: profile.id },
      }))
    )
  }
  return { shippingProfileId: profile.id }
}

/**
 * The delivery option priced per producer, added when missing (also to databases made before it existed), with
 * our provider linked to the warehouse so Medusa offers it for carts shipped from there.
 */
async function ensurePerProducerOption(container: MedusaContainer, input: { setId: string; profileId: string; stockLocationId: string }) {
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const options = await fulfillment.listShippingOptions({}, { select: ["id", "provider_id"] })
  if (options.some((o) => o.provider_id === PRODUCER_SHIPPING_PROVIDER_ID)) return
  const set = await fulfillment.retrieveFulfillmentSet(input.setId, { relations: ["service_zones"] })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: input.stockLocationId },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: PRODUCER_SHIPPING_PROVIDER_ID },
  })
  await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: PER_PRODUCER_OPTION.name,
        price_type: "calculated" as const,
        provider_id: PRODUCER_SHIPPING_PROVIDER_ID,
        service_zone_id: set.service_zones[0].id,
        shipping_profile_id: input.profileId,
        data: { id: "per-producer" },
        type: { label: PER_PRODUCER_OPTION.name, description: PER_PRODUCER_OPTION.description, code: PER_PRODUCER_OPTION.code },
        rules: OPTION_RULES,
      },
    ],
  })
}
