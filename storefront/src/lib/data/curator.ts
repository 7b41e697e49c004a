import "server-only"
import { sdk } from "../medusa"
import { readCuratorToken } from "./session"
import {
  certificateDetail,
  certificateList,
  claimList,
  curatorDashboard,
  curatorMe,
  curatorFeaturedListDetail,
  curatorFeaturedLists,
  curatorProduct,
  importDetail,
  importList,
  provinceLots,
  type CuratorLotFilter,
} from "@ocop/contracts"
import { toPickableProducts, toRegisterRequest, type RegisterQuery } from "../curator/schemas"

export class CuratorNotSignedIn extends Error {}

/** Every console call goes through here: no or an expired session becomes CuratorNotSignedIn (→ sign-in page). */
export async function curatorFetch<T = unknown>(path: string, init: Parameters<typeof sdk.client.fetch>[1] = {}): Promise<T> {
  const token = await readCuratorToken()
  if (!token) throw new CuratorNotSignedIn()
  try {
    return await sdk.client.fetch<T>(path, { ...init, cache: "no-store", headers: { ...(init.headers ?? {}), authorization: `Bearer ${token}` } })
  } catch (error) {
    if ((error as { status?: number }).status === 401) throw new CuratorNotSignedIn()
    throw error
  }
}

export async function readCuratorMe() {
  return curatorMe.parse(await curatorFetch("/curator/me"))
}

export async function readCuratorDashboard() {
  return curatorDashboard.parse(await curatorFetch("/curator/dashboard")).dashboard
}

export async function listRegister(query: RegisterQuery) {
  return certificateList.parse(await curatorFetch("/curator/certificates", { query: toRegisterRequest(query) }))
}

export async function readCertificate(id: string) {
  return certificateDetail.parse(await curatorFetch(`/curator/certificates/${encodeURIComponent(id)}`)).certificate
}

export async function readCuratorProduct(id: string) {
  return curatorProduct.parse(await curatorFetch(`/curator/products/${encodeURIComponent(id)}`))
}

/** One page of the province's lots (the backend scopes them to the curator's provinces). */
export async function listProvinceLots(filter: CuratorLotFilter, page: number, pageSize: number) {
  return provinceLots.parse(await curatorFetch("/curator/lots", { query: { filter, limit: pageSize, offset: (page - 1) * pageSize } }))
}

export async function listClaims(status: "pending" | "approved" | "rejected") {
  return claimList.parse(await curatorFetch("/curator/claims", { query: { status, limit: 50 } }))
}

/** The featured lists of the curator's provinces, newest first (the backend scopes them). */
export async function listCuratorFeaturedLists() {
  return curatorFeaturedLists.parse(await curatorFetch("/curator/featured-lists", { query: { limit: 100 } }))
}

export async function readCuratorFeaturedList(id: string) {
  return curatorFeaturedListDetail.parse(await curatorFetch(`/curator/featured-lists/${encodeURIComponent(id)}`)).featured_list
}

/** Products of the curator's provinces matching a text, through the register (the backend scopes it). */
export async function findProvinceProducts(q: string) {
  const page = certificateList.parse(await curatorFetch("/curator/certificates", { query: { q, limit: 50, sort: "-decision_date" } }))
  return toPickableProducts(page.certificates)
}

/** The products a list holds, in its order, by title: read one by one (a list holds at most 48). */
export async function readListProducts(ids: string[]) {
  return Promise.all(
    ids.map(async (id) => {
      try {
        const { product, producer, certifications, current_certification_id } = await readCuratorProduct(id)
        const current = certifications.find((c) => c.id === current_certification_id)
        return { id, title: product.title, producer: producer?.name ?? null, stars: current?.stars ?? null }
      } catch (error) {
        // A product that left the province (re-rated elsewhere) or was deleted: kept by id so the curator can remove it.
        if ((error as { status?: number }).status === 404) return { id, title: id, producer: null, stars: null }
        throw error
      }
    })
  )
}

/**
 * A register export as the backend streams it (XLSX or CSV): the raw response, so the shop's route handler can
 * pass its body and filename on without reading the file into memory. The SDK returns the response itself when
 * the request does not ask for JSON.
 */
export async function downloadRegisterExport(file: "register.xlsx" | "register.csv", query: Record<string, string>) {
  return curatorFetch<Response>(`/curator/exports/${file}`, { query, headers: { accept: "*/*" } })
}

export async function listImports() {
  return importList.parse(await curatorFetch("/curator/imports", { query: { limit: 20 } }))
}

export async function readImport(id: string) {
  return importDetail.parse(await curatorFetch(`/curator/imports/${encodeURIComponent(id)}`)).import
}

/** The run's rejected rows as the backend's CSV (a raw response: accept is not JSON, so the SDK does not parse it). */
export async function readImportReport(id: string) {
  return curatorFetch<Response>(`/curator/imports/${encodeURIComponent(id)}/report`, { headers: { accept: "text/csv" } })
}
