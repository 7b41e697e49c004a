import "server-only"
import { sdk } from "../medusa"
import { readCuratorToken } from "./session"
import {
  certificateDetail,
  certificateList,
  claimList,
  curatorDashboard,
  curatorMe,
  curatorProduct,
  importDetail,
  importList,
  toRegisterRequest,
  type RegisterQuery,
} from "../curator/schemas"

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

export async function listClaims(status: "pending" | "approved" | "rejected") {
  return claimList.parse(await curatorFetch("/curator/claims", { query: { status, limit: 50 } }))
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
