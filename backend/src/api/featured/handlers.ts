import { randomBytes } from "node:crypto"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { slugify } from "@ocop/domain"
import { getProvince } from "@ocop/domain/places"
import type { CuratorFeaturedList, Presented } from "@ocop/contracts"
import { FEATURED_MODULE } from "../../modules/featured"
import type FeaturedModuleService from "../../modules/featured/service"
import type { RecordedBy } from "../../modules/ocop/types"
import { PhotoRejectedError } from "../../photos/process-product-photo"
import { preparePhotoUpload } from "../../photos/photo-upload"
import { createFeaturedListWorkflow } from "../../workflows/featured/create-featured-list"
import { deleteFeaturedListWorkflow } from "../../workflows/featured/delete-featured-list"
import { setFeaturedListCoverWorkflow } from "../../workflows/featured/set-featured-list-cover"
import { updateFeaturedListWorkflow } from "../../workflows/featured/update-featured-list"
import type { ListFeaturedLists, UpdateFeaturedList } from "./validators"

export type FeaturedListRecord = Awaited<ReturnType<FeaturedModuleService["retrieveFeaturedList"]>>

/**
 * Whose lists a caller reaches: a curator its provinces' lists (never the national ones), the operator every list
 * (`null`). Curator routes take it from the /curator middleware, never from the request.
 */
export type FeaturedScope = { province_codes: string[] | null; recorded_by: RecordedBy }

const featuredService = (scope: MedusaContainer): FeaturedModuleService => scope.resolve(FEATURED_MODULE)

/** Active: published and now within starts_at–ends_at. */
export function isActive(list: Pick<FeaturedListRecord, "status" | "starts_at" | "ends_at">, now = new Date()) {
  return list.status === "published" && new Date(list.starts_at) <= now && now < new Date(list.ends_at)
}

export function presentProvince(code: string | null | undefined) {
  if (!code) return null
  return { code, name: getProvince(code)?.name ?? code }
}

export function presentFeaturedList(list: FeaturedListRecord) {
  return {
    id: list.id,
    handle: list.handle,
    title: list.title,
    description: list.description ?? null,
    cover: list.cover ?? null,
    product_ids: list.product_ids ?? [],
    province: presentProvince(list.province_code),
    starts_at: list.starts_at,
    ends_at: list.ends_at,
    status: list.status,
    is_active: isActive(list),
    created_by: list.created_by,
    created_at: list.created_at,
    updated_at: list.updated_at,
  } satisfies Presented<CuratorFeaturedList>
}

/** "Quà Tết Đồng Tháp" → "qua-tet-dong-thap-3f9a1c": readable, and unique without a read-then-write race. */
export function featuredListHandle(title: string): string {
  const slug = slugify(title).slice(0, 60)
  return `${slug || "danh-sach"}-${randomBytes(3).toString("hex")}`
}

/** A list the caller may see; 404 (not 403) for another province's, so their ids are not confirmed. */
export async function readScopedFeaturedList(container: MedusaContainer, scope: FeaturedScope, id: string) {
  const [list] = await featuredService(container).listFeaturedLists({ id })
  const reachable = list && (scope.province_codes === null || (list.province_code !== null && scope.province_codes.includes(list.province_code)))
  if (!reachable) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Featured list "${id}" was not found / không tìm thấy`)
  return list
}

export async function listScopedFeaturedLists(container: MedusaContainer, scope: FeaturedScope, params: ListFeaturedLists) {
  const filters: Record<string, unknown> = {}
  if (scope.province_codes !== null) filters.province_code = scope.province_codes
  if (params.status) filters.status = params.status
  const [lists, count] = await featuredService(container).listAndCountFeaturedLists(filters, {
    skip: params.offset,
    take: params.limit,
    order: { created_at: "DESC" },
  })
  return { featured_lists: lists.map(presentFeaturedList), count, offset: params.offset, limit: params.limit }
}

export async function createFeaturedList(
  container: MedusaContainer,
  scope: FeaturedScope,
  body: { title: string; description?: string | null; products: string[]; starts_at: Date; ends_at: Date },
  provinceCode: string | null
) {
  const { result } = await createFeaturedListWorkflow(container).run({
    input: {
      handle: featuredListHandle(body.title),
      title: body.title,
      description: body.description ?? null,
      product_ids: body.products,
      province_code: provinceCode,
      starts_at: body.starts_at,
      ends_at: body.ends_at,
      created_by: scope.recorded_by,
    },
  })
  return presentFeaturedList(result)
}

export async function updateFeaturedList(
  container: MedusaContainer,
  list: FeaturedListRecord,
  changes: Omit<UpdateFeaturedList, "products"> & { products?: string[]; status?: "draft" | "published" }
) {
  const { products, ...rest } = changes
  const { result } = await updateFeaturedListWorkflow(container).run({
    input: { id: list.id, province_code: list.province_code, ...rest, ...(products ? { product_ids: products } : {}) },
  })
  return presentFeaturedList(result)
}

/** Reordering keeps the same products: adding or removing one is an update. */
export async function reorderFeaturedList(container: MedusaContainer, list: FeaturedListRecord, products: string[]) {
  const current = [...(list.product_ids ?? [])].sort()
  const proposed = [...products].sort()
  if (current.length !== proposed.length || current.some((id, i) => id !== proposed[i])) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "products: phải đúng các sản phẩm của danh sách, chỉ đổi thứ tự / must be exactly the list's products, in a new order"
    )
  }
  return updateFeaturedList(container, list, { products })
}

export async function setFeaturedListCover(container: MedusaContainer, list: FeaturedListRecord, file: Express.Multer.File | undefined) {
  if (!file) throw new MedusaError(MedusaError.Types.INVALID_DATA, "file: chưa chọn ảnh bìa / no cover photo was sent (multipart field `file`)")
  let photo
  try {
    photo = await preparePhotoUpload(file.buffer, `${list.handle}-cover-${Date.now().toString(36)}`)
  } catch (error) {
    if (error instanceof PhotoRejectedError) throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
    throw error
  }
  const previous = (list.cover as { file_ids?: string[] } | null)?.file_ids ?? []
  const { result } = await setFeaturedListCoverWorkflow(container).run({ input: { id: list.id, photo, previous_file_ids: previous } })
  return presentFeaturedList(result)
}

export async function deleteFeaturedList(container: MedusaContainer, list: FeaturedListRecord) {
  await deleteFeaturedListWorkflow(container).run({ input: { id: list.id } })
  return { id: list.id, object: "featured_list", deleted: true }
}
