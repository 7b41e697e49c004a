import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { PublicLotPage } from "@ocop/contracts"
import { getProvince } from "@ocop/domain/places"
import { pickCurrentCertification, presentCertification } from "../api/utils/present-ocop"
import { todayInVietnam } from "../modules/ocop/dates"
import { pickProductGtin, lotQrPath } from "./gtin"
import { presentPublicLot } from "./present-lot"

/**
 * What the public scan page shows for a lot: the lot (public code only), the product (title, handle, image, GTIN),
 * its producer's name and address (no phone, no e-mail: a household's are personal), and the OCOP certificate's
 * live status from @ocop/domain's effective status. No internal id leaves here.
 */
export async function readPublicLot(container: MedusaContainer, lot: Record<string, any>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "product",
    fields: ["title", "handle", "thumbnail", "variants.barcode", "variants.ean", "variants.upc", "certifications.*", "producer.*"],
    filters: { id: lot.product_id },
  })
  const product = data[0] as Record<string, any> | undefined
  const today = todayInVietnam()
  const current = product ? pickCurrentCertification(product.certifications, today) : null
  const certificate = current ? presentCertification(current, today) : null
  const gtin = pickProductGtin(product?.variants)
  const producer = product?.producer
  return {
    lot: { ...presentPublicLot(lot), qr_path: lotQrPath(lot as { code: string; public_code: string }, gtin) },
    product: product
      ? {
          title: product.title,
          handle: product.handle,
          thumbnail: product.thumbnail ?? null,
          gtin,
          ocop: certificate
            ? {
                stars: certificate.stars,
                status: certificate.status,
                decision_number: certificate.decision_number,
                decision_date: certificate.decision_date,
                valid_until: certificate.valid_until,
                certifying_level: certificate.certifying_level,
                product_group: certificate.product_group?.name ?? null,
              }
            : null,
        }
      : null,
    producer: producer
      ? {
          name: producer.name,
          address: producer.address ?? null,
          province: getProvince(producer.province_code)?.name ?? null,
          province_code: getProvince(producer.province_code)?.code ?? null,
        }
      : null,
  } satisfies PublicLotPage
}
