import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createShippingOptionsWorkflow, createShippingProfilesWorkflow } from "@medusajs/medusa/core-flows"

const FULFILLMENT_SET = "Giao hàng toàn quốc"
const MANUAL_PROVIDER = "manual_manual"

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
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
          { attribute: "is_return", value: "false", operator: "eq" as const },
        ],
      })),
    })
  }

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
