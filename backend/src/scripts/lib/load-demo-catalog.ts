import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow, uploadFilesWorkflow } from "@medusajs/medusa/core-flows"
import { inferProducerType, slugify } from "@ocop/domain"
import { resolveCommune } from "@ocop/domain/places"
import demoProducts from "../demo/demo-products.json"
import { certifyProductWorkflow } from "../../workflows/ocop/certify-product"
import { assignProducerWorkflow } from "../../workflows/producer/assign-producer"
import { renderPlaceholderImage } from "./render-placeholder-image"

export type DemoProduct = (typeof demoProducts)[number]

export function demoHandle(record: Pick<DemoProduct, "product_name" | "province_code_2025">): string {
  return `${slugify(record.product_name)}-${record.province_code_2025}`
}

function describe(record: DemoProduct): string {
  const place = [record.commune_as_listed, record.district_as_listed, record.province_as_listed].filter(Boolean).join(", ")
  return `${record.product_name} — sản phẩm OCOP ${record.stars} sao của ${record.producer_name} (${place}).`
}

/**
 * Loads the demo catalogue: 32 real certified products from published provincial lists (see
 * ../demo/demo-products.json), with illustrative prices and generated placeholder photos. Products already
 * present (by handle) are left alone, so loading twice adds nothing.
 */
export async function loadDemoCatalog(
  container: MedusaContainer,
  { salesChannelId, shippingProfileId }: { salesChannelId: string; shippingProfileId: string }
) {
  const products = container.resolve(Modules.PRODUCT)
  const handles = demoProducts.map(demoHandle)
  const existing = new Set((await products.listProducts({ handle: handles }, { select: ["handle"] })).map((p) => p.handle))
  const missing = demoProducts.filter((r) => !existing.has(demoHandle(r)))
  if (!missing.length) return { created: 0 }

  const images = await Promise.all(missing.map((r, i) => renderPlaceholderImage(r.product_group_code, r.stars as number, i)))
  const { result: files } = await uploadFilesWorkflow(container).run({
    input: {
      files: missing.map((r, i) => ({
        filename: `${demoHandle(r)}.webp`,
        mimeType: "image/webp",
        content: images[i].toString("base64"),
        access: "public" as const,
      })),
    },
  })

  const { result: created } = await createProductsWorkflow(container).run({
    input: {
      products: missing.map((r, i) => ({
        title: r.product_name,
        handle: demoHandle(r),
        description: describe(r),
        status: "published" as const,
        thumbnail: files[i].url,
        images: [{ url: files[i].url }],
        sales_channels: [{ id: salesChannelId }],
        shipping_profile_id: shippingProfileId,
        options: [{ title: "Quy cách", values: [r.variant_title] }],
        variants: [
          {
            title: r.variant_title,
            options: { "Quy cách": r.variant_title },
            manage_inventory: false,
            prices: [{ amount: r.price_vnd, currency_code: "vnd" }],
          },
        ],
      })),
    },
  })

  for (const [i, record] of missing.entries()) {
    const product = created[i]
    const commune = record.commune_as_listed
      ? resolveCommune(record.province_code_2025, record.commune_as_listed, record.district_as_listed)
      : undefined
    await assignProducerWorkflow(container).run({
      input: {
        product_id: product.id,
        producer: {
          name: record.producer_name as string,
          type: inferProducerType(record.producer_name as string),
          province_code: record.province_code_2025,
          commune_code: commune?.code ?? null,
          story: `**${record.producer_name}** làm ra ${record.product_name.toLowerCase()} tại ${record.province_as_listed}.`,
        },
      },
    })
    await certifyProductWorkflow(container).run({
      input: {
        product_id: product.id,
        certification: {
          stars: record.stars as number,
          potential_five_star: record.potential_five_star,
          product_group_code: record.product_group_code,
          decision_number: record.decision_number,
          decision_date: record.decision_date,
          province_as_listed: record.province_as_listed,
          district_as_listed: record.district_as_listed,
          commune_as_listed: record.commune_as_listed,
          province_code: record.province_code_2025,
          commune_code: commune?.code ?? null,
          source: "demo",
        },
      },
    })
  }
  return { created: missing.length }
}
