import type { Certification, CertificationStatus, ProducerCard, StoreOcopProduct } from "@ocop/contracts"
import { effectiveCertificationStatus, pickCurrentCertification as pickCurrent } from "@ocop/domain"
import { getCommune, getProvince, isFormerProvinceName } from "@ocop/domain/places"
import { expandGroupCode, getProductGroup } from "@ocop/domain/taxonomy"
import { toDateOnly, todayInVietnam } from "../../modules/ocop/dates"
import { renderMarkdownSafely } from "./render-markdown"

type CertificationRow = Record<string, any>

export function effectiveStatus(cert: CertificationRow, today = todayInVietnam()): CertificationStatus {
  return effectiveCertificationStatus(cert as { status: string; valid_until: Date | null }, today)
}

export function presentOrigin(cert: CertificationRow) {
  const province = getProvince(cert.province_code)
  const commune = cert.commune_code ? getCommune(cert.commune_code) : undefined
  const listed = cert.province_as_listed as string | null
  return {
    province_as_listed: listed,
    district_as_listed: cert.district_as_listed ?? null,
    commune_as_listed: cert.commune_as_listed ?? null,
    province: province ? { code: province.code, name: province.name } : null,
    commune: commune ? { code: commune.code, name: commune.name } : null,
    // "formerly Bắc Kạn" when the list used a pre-2025 province name
    formerly: province && listed && isFormerProvinceName(province, listed) ? listed : null,
  } satisfies Certification["origin"]
}

export function presentProductGroup(code: string | null | undefined) {
  if (!code) return null
  const group = getProductGroup(code)
  if (!group) return null
  return { code: group.code, name: group.name, path: expandGroupCode(code).map((c) => getProductGroup(c)!.name) }
}

/**
 * `staff` (admin and curator routes) adds who wrote each history entry; buyers see the history without the
 * officials' names and emails.
 */
export function presentCertification(cert: CertificationRow, today = todayInVietnam(), staff = false) {
  const status = effectiveStatus(cert, today)
  return {
    id: cert.id,
    stars: cert.stars,
    potential_five_star: cert.potential_five_star,
    score: cert.score ?? null,
    product_group: presentProductGroup(cert.product_group_code),
    decision_number: cert.decision_number ?? null,
    decision_date: toDateOnly(cert.decision_date),
    certifying_level: cert.certifying_level,
    valid_from: toDateOnly(cert.valid_from),
    valid_until: toDateOnly(cert.valid_until),
    // The badge's one signal (@ocop/domain effectiveCertificationStatus): clients render it, never recompute it.
    status,
    status_reason: cert.status_reason ?? null,
    origin: presentOrigin(cert),
    ...(cert.rating_events
      ? {
          rating_history: [...cert.rating_events]
            .sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)))
            .map((e: Record<string, any>) => ({
              kind: e.kind,
              stars: e.stars,
              previous_stars: e.previous_stars,
              decision_number: e.decision_number,
              decision_date: toDateOnly(e.decision_date),
              note: e.note,
              recorded_at: e.created_at,
              ...(staff
                ? {
                    recorded_by: e.recorded_by_type ? { type: e.recorded_by_type, id: e.recorded_by_id, email: e.recorded_by_email ?? null } : null,
                  }
                : {}),
            })),
        }
      : {}),
  } satisfies Certification
}

/** The certificate a buyer sees (@ocop/domain's rule, shared with the search index). */
export function pickCurrentCertification(certs: CertificationRow[] | null | undefined, today = todayInVietnam()) {
  return pickCurrent(certs as { status: string; valid_until: Date | null }[] | null | undefined, today) as CertificationRow | null
}

// A producer that exists is presented as one (callers that checked it need no null case).
export function presentProducer(producer: Record<string, any>, withStory?: boolean): ProducerCard
export function presentProducer(producer: Record<string, any> | null | undefined, withStory?: boolean): ProducerCard | null
export function presentProducer(producer: Record<string, any> | null | undefined, withStory = false): ProducerCard | null {
  if (!producer) return null
  const province = getProvince(producer.province_code)
  return {
    id: producer.id,
    name: producer.name,
    handle: producer.handle,
    type: producer.type ?? null,
    province: province ? { code: province.code, name: province.name } : null,
    women_led: producer.women_led,
    ethnic_minority_led: producer.ethnic_minority_led,
    ...(withStory
      ? {
          address: producer.address ?? null,
          phone: producer.phone ?? null,
          email: producer.email ?? null,
          website: producer.website ?? null,
          story_html: producer.story ? renderMarkdownSafely(producer.story) : null,
        }
      : {}),
  } satisfies ProducerCard
}

export function presentStoreProduct(product: Record<string, any>, detail = false) {
  const today = todayInVietnam()
  const current = pickCurrentCertification(product.certifications, today)
  const prices = (product.variants ?? [])
    .map((v: Record<string, any>) => v.calculated_price?.calculated_amount)
    .filter((a: unknown): a is number => typeof a === "number")
  return {
    id: product.id,
    title: product.title,
    subtitle: product.subtitle ?? null,
    handle: product.handle,
    description: detail ? (product.description ?? null) : undefined,
    thumbnail: product.thumbnail ?? null,
    images: detail ? (product.images ?? []).map((i: Record<string, any>) => ({ id: i.id, url: i.url })) : undefined,
    variants: (product.variants ?? []).map((v: Record<string, any>) => ({
      id: v.id,
      title: v.title,
      sku: v.sku ?? null,
      price: v.calculated_price ? { amount: v.calculated_price.calculated_amount, currency_code: v.calculated_price.currency_code } : null,
    })),
    price_from: prices.length ? { amount: Math.min(...prices), currency_code: "vnd" } : null,
    ocop: current ? presentCertification(current, today) : null,
    certification_history: detail
      ? (product.certifications ?? []).filter(Boolean).map((c: Record<string, any>) => presentCertification(c, today))
      : undefined,
    producer: presentProducer(product.producer, detail),
  } satisfies StoreOcopProduct
}
