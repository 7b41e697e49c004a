import type { Presented, PublicLotPage, StaffLot } from "@ocop/contracts"
import { getCommune, getProvince } from "@ocop/domain/places"

const isoDay = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString().slice(0, 10) : null)

export function presentCommune(code: string | null | undefined) {
  if (!code) return null
  const commune = getCommune(code)
  if (!commune) return null
  return { code, name: commune.name, province_code: commune.provinceCode, province_name: getProvince(commune.provinceCode)?.name ?? null }
}

const byDay = (a: { happened_on: Date | string }, b: { happened_on: Date | string }) =>
  new Date(a.happened_on).getTime() - new Date(b.happened_on).getTime()

/** A lot as its producer (and the province's curators) see it: everything, scan counts and flags included. */
export function presentStaffLot(
  lot: Record<string, any>,
  extra: { flags: string[]; max_provinces_per_day: number; product?: Record<string, any> | null }
) {
  return {
    id: lot.id,
    product_id: lot.product_id,
    product_title: extra.product?.title ?? null,
    code: lot.code,
    public_code: lot.public_code,
    made_on: isoDay(lot.made_on),
    best_before: isoDay(lot.best_before),
    quantity: lot.quantity,
    growing_area_code: lot.growing_area_code,
    commune: presentCommune(lot.commune_code),
    status: lot.status,
    recall_reason: lot.recall_reason,
    recalled_at: lot.recalled_at,
    scan_count: lot.scan_count,
    max_provinces_per_day: extra.max_provinces_per_day,
    flags: extra.flags,
    steps: (lot.steps ?? [])
      .slice()
      .sort(byDay)
      .map((s: Record<string, any>) => ({
        id: s.id,
        happened_on: isoDay(s.happened_on),
        kind: s.kind,
        note: s.note,
        photo: s.photo ?? null,
      })),
    documents: (lot.documents ?? []).map((d: Record<string, any>) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      url: d.url,
      mime_type: d.mime_type,
      size_bytes: d.size_bytes,
      pages: d.pages,
      is_public: d.is_public,
    })),
    created_at: lot.created_at,
  } satisfies Presented<StaffLot>
}

/**
 * A lot as the public scan page shows it: its public code and what Circular 02/2024/TT-BKHCN asks for, no internal
 * ids, no private documents, no person. Step and document ids are left out too.
 */
export function presentPublicLot(lot: Record<string, any>) {
  return {
    public_code: lot.public_code,
    code: lot.code,
    made_on: isoDay(lot.made_on),
    best_before: isoDay(lot.best_before),
    quantity: lot.quantity,
    growing_area_code: lot.growing_area_code,
    commune: presentCommune(lot.commune_code),
    status: lot.status,
    recall_reason: lot.status === "recalled" ? lot.recall_reason : null,
    recalled_at: lot.status === "recalled" ? isoDay(lot.recalled_at) : null,
    steps: (lot.steps ?? [])
      .slice()
      .sort(byDay)
      .map((s: Record<string, any>) => ({
        happened_on: isoDay(s.happened_on),
        kind: s.kind,
        note: s.note,
        photo_url: s.photo?.url ?? null,
      })),
    documents: (lot.documents ?? [])
      .filter((d: Record<string, any>) => d.is_public)
      .map((d: Record<string, any>) => ({ kind: d.kind, title: d.title, url: d.url, mime_type: d.mime_type, pages: d.pages })),
  } satisfies Omit<PublicLotPage["lot"], "qr_path">
}
