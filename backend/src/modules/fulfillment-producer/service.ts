import type { ShippingTerms } from "@ocop/domain"
import { AbstractFulfillmentProviderService } from "@medusajs/framework/utils"
import { computeLineShippingFees, type FeeLine } from "../../lib/shipping-fees"

type Options = { defaults: ShippingTerms }
type Query = Parameters<typeof computeLineShippingFees>[0]

/**
 * Delivery priced per producer (issue 15 point 3): a shipping option with `price_type: "calculated"` on this provider
 * costs the sum of each producer's part fee (flat fee, free from the producer's threshold; @ocop/domain). Medusa
 * calls `calculatePrice` when the shop lists the option's price and whenever the cart changes, so the amount follows
 * the cart. Each producer packs its own part; Medusa's fulfilments of the order are not used for those parts
 * (producer_shipment is), so creating one here records nothing with a carrier.
 */
export default class ProducerShippingProviderService extends AbstractFulfillmentProviderService {
  static identifier = "producer-shipping"
  protected readonly options_: Options
  protected readonly container_: { query?: Query }

  // The fulfilment module is given Query as a dependency in medusa-config.ts (module isolation: the product ↔
  // producer link and the producer's terms are read through Query, no foreign table). It is resolved at each call:
  // the application registers Query after the modules are loaded.
  constructor(container: { query?: Query }, options: Options) {
    super()
    this.container_ = container
    this.options_ = options
  }

  async getFulfillmentOptions() {
    return [{ id: "per-producer", name: "Giao hàng theo nhà sản xuất / Delivery per producer" }]
  }

  async validateOption() {
    return true
  }

  async canCalculate() {
    return true
  }

  // Marks the method so the order split knows the parts were charged per producer (a flat option charges none).
  async validateFulfillmentData(_option: Record<string, unknown>, data: Record<string, unknown>) {
    return { ...data, per_producer: true }
  }

  async calculatePrice(_option: Record<string, unknown>, _data: Record<string, unknown>, context: Record<string, any>) {
    const query = this.container_.query
    if (!query) throw new Error("producer-shipping: Query is not available to the fulfilment module")
    const items: FeeLine[] = context.items ?? []
    const { total } = await computeLineShippingFees(query, items, this.options_.defaults)
    return { calculated_amount: total, is_calculated_price_tax_inclusive: true }
  }

  async createFulfillment() {
    return { data: {}, labels: [] }
  }

  async cancelFulfillment() {
    return {}
  }

  async createReturnFulfillment() {
    return { data: {}, labels: [] }
  }
}
