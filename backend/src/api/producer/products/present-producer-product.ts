import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { VARIANT_STOCK_FIELDS, variantStock } from "@ocop/domain"
import type { Presented, ProducerProduct } from "@ocop/contracts"
import { effectiveStatus, pickCurrentCertification } from "../../utils/present-ocop"
import { toDateOnly, todayInVietnam } from "../../../modules/ocop/dates"

export const PRODUCER_PRODUCT_FIELDS = [
  "id",
  "title",
  "handle",
  "description",
  "status",
  "thumbnail",
  "updated_at",
  "images.id",
  "images.url",
  "images.metadata",
  "options.id",
  "options.title",
  "variants.id",
  "variants.title",
  "variants.sku",
  "variants.prices.amount",
  "variants.prices.currency_code",
  ...VARIANT_STOCK_FIELDS.map((field) => `variants.${field}`),
  "certifications.*",
]

/** What the portal shows for a listing; the certificate is there to read, never to edit. */
export function presentProducerProduct(product: any) {
  const today = todayInVietnam()
  const current = pickCurrentCertification(product.certifications ?? [], today)
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    description: product.description ?? null,
    status: product.status,
    thumbnail: product.thumbnail ?? null,
    updated_at: product.updated_at,
    images: (product.images ?? []).map((image: any) => ({
      id: image.id,
      url: image.url,
      renditions: image.metadata?.renditions ?? [],
    })),
    variants: (product.variants ?? []).map((variant: any) => ({
      id: variant.id,
      title: variant.title,
      sku: variant.sku ?? null,
      price_vnd: (variant.prices ?? []).find((p: any) => p.currency_code === "vnd")?.amount ?? null,
      stock: variantStock(variant),
    })),
    certification: current
      ? {
          id: current.id,
          stars: current.stars,
          status: effectiveStatus(current, today),
          valid_until: current.valid_until ? toDateOnly(current.valid_until) : null,
          decision_number: current.decision_number ?? null,
          read_only: true as const,
        }
      : null,
  } satisfies Presented<ProducerProduct>
}

export async function readProducerProduct(scope: MedusaContainer, productId: string) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: PRODUCER_PRODUCT_FIELDS, filters: { id: productId } })
  return presentProducerProduct(data[0])
}
