import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateRegionsWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { readConfig } from "../../lib/config"
import { VNPAY_PROVIDER_ID } from "../../modules/payment-vnpay/gateway"
import { VIETQR_PROVIDER_ID } from "../../modules/payment-vietqr/reference"
import { STRIPE_PROVIDER_ID } from "../../modules/payment-stripe/provider-id"
import { ensureShipping } from "./ensure-shipping"

export type StoreDefaults = {
  salesChannelId: string
  regionId: string
  publishableKey: string
  stockLocationId: string
  shippingProfileId: string
}

const SALES_CHANNEL = "Chợ OCOP"
const PUBLISHABLE_KEY_TITLE = "Storefront"

/**
 * What a fresh database needs before a buyer can see anything: a sales channel, the region "Việt Nam" in VND,
 * a warehouse, delivery options, and a publishable key bound to the channel. Each piece is created only when missing, so running
 * this on every start is safe.
 */
export async function ensureStoreDefaults(container: MedusaContainer): Promise<StoreDefaults> {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const regions = container.resolve(Modules.REGION)
  const apiKeys = container.resolve(Modules.API_KEY)
  const stores = container.resolve(Modules.STORE)
  const stockLocations = container.resolve(Modules.STOCK_LOCATION)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  const [store] = await stores.listStores()
  let [channel] = await salesChannels.listSalesChannels({ name: SALES_CHANNEL })
  if (!channel) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: SALES_CHANNEL, description: "Chợ sản phẩm OCOP trực tuyến" }] },
    })
    channel = result[0]
  }

  let [region] = await regions.listRegions({ currency_code: "vnd" })
  if (!region) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [{ name: "Việt Nam", currency_code: "vnd", countries: ["vn"], payment_providers: ["pp_system_default"] }],
      },
    })
    region = result[0]
  }
  // Checkout offers the providers enabled in the region: VietQR, VNPay and Stripe join cash on delivery once configured.
  const config = readConfig()
  const wanted = [
    "pp_system_default",
    ...(config.vietqr ? [VIETQR_PROVIDER_ID] : []),
    ...(config.vnpay ? [VNPAY_PROVIDER_ID] : []),
    ...(config.stripe ? [STRIPE_PROVIDER_ID] : []),
  ]
  const { data: regionProviders } = await query.graph({ entity: "region", fields: ["payment_providers.id"], filters: { id: region.id } })
  const enabled = new Set<string>((regionProviders[0]?.payment_providers ?? []).map((p: any) => p?.id))
  if (wanted.some((id) => !enabled.has(id))) {
    await updateRegionsWorkflow(container).run({
      input: { selector: { id: region.id }, update: { payment_providers: [...new Set([...enabled, ...wanted])] } },
    })
  }

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Chợ OCOP",
        supported_currencies: [{ currency_code: "vnd", is_default: true }],
        default_sales_channel_id: channel.id,
        default_region_id: region.id,
      },
    },
  })

  let [location] = await stockLocations.listStockLocations({ name: "Kho OCOP" })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name: "Kho OCOP", address: { country_code: "vn", city: "Hà Nội", address_1: "" } }] },
    })
    location = result[0]
    await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: [channel.id] } })
  }

  let [key] = await apiKeys.listApiKeys({ title: PUBLISHABLE_KEY_TITLE, type: "publishable", revoked_at: { $eq: null } } as any)
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    key = result[0]
  }
  const { data: keyChannels } = await query.graph({
    entity: "api_key",
    fields: ["sales_channels.id"],
    filters: { id: key.id },
  })
  if (!(keyChannels[0]?.sales_channels ?? []).some((sc: any) => sc?.id === channel.id)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [channel.id] } })
  }

  const { shippingProfileId } = await ensureShipping(container, { regionId: region.id, stockLocationId: location.id })
  return {
    salesChannelId: channel.id,
    regionId: region.id,
    publishableKey: key.token,
    stockLocationId: location.id,
    shippingProfileId,
  }
}
