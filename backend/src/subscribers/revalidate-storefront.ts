import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OcopEvents } from "@ocop/domain"
import { PRODUCT_INDEX_EVENTS } from "@ocop/search"
import { requestStorefrontRevalidation } from "../lib/storefront-revalidation"

/**
 * The storefront caches catalogue pages for every visitor under one tag; whatever changes a product, its
 * price, certificate, producer or a featured list tells it to drop them, so buyers see the change within seconds.
 */
export default async function revalidateStorefront({ container }: SubscriberArgs<unknown>) {
  requestStorefrontRevalidation(container.resolve("logger"))
}

export const config: SubscriberConfig = { event: [...PRODUCT_INDEX_EVENTS, OcopEvents.FEATURED_LIST_CHANGED] }
