import "server-only"
import { cache } from "react"
import {
  issuedLotSerials,
  lotResolution,
  lotTemplateList,
  lotScanAnswer,
  producerLotDetail,
  producerLotSerials,
  publicLotPage,
  serialCheckAnswer,
  staffLotList,
  type SerialCheckAnswer,
  voidedLotSerials,
} from "@ocop/contracts"
import { env } from "../env"
import { sdk } from "../medusa"
import { producerFetch } from "./producer"
import { signedClientAddress } from "./sign-in"

const status = (error: unknown) => (error as { status?: number }).status

/**
 * What a QR's path names (GET /store/ocop/resolve-lot): 200 found, 404 unknown with the product's handle, 410
 * withdrawn, 400 for a malformed path (null). The SDK's errors drop the body the 404 carries, so this one read uses
 * fetch with the publishable key, as the SDK would.
 */
export async function resolveLot(query: { code: string } | { gtin: string; lot: string }) {
  const url = new URL("/store/ocop/resolve-lot", env.MEDUSA_BACKEND_URL)
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value)
  const res = await fetch(url, {
    cache: "no-store",
    headers: env.MEDUSA_PUBLISHABLE_KEY ? { "x-publishable-api-key": env.MEDUSA_PUBLISHABLE_KEY } : {},
  })
  if (res.status === 400) return null
  if (![200, 404, 410].includes(res.status)) throw new Error(`resolve-lot answered ${res.status}`)
  return lotResolution.parse(await res.json())
}

/**
 * The scan page's data, or null for a code no live lot has (withdrawn codes too: the page then says "not found").
 * Cached per request: the metadata and the page read it once.
 */
export const readPublicLot = cache(async (code: string) => {
  try {
    return publicLotPage.parse(await sdk.client.fetch(`/store/ocop/lots/${encodeURIComponent(code)}`, { cache: "no-store" }))
  } catch (error) {
    if (status(error) === 404 || status(error) === 400) return null
    throw error
  }
})

/**
 * Counts one scan of the lot (POST /store/ocop/lots/:code/scans) with the person's signed address, which only picks
 * the backend's rate-limit bucket. With a province after the view already counted, the backend moves that scan to the
 * province ("named"). A rate limit or an outage never breaks the page.
 */
export async function recordLotScan(code: string, provinceCode?: string): Promise<"counted" | "named" | "repeat" | "limited" | "failed"> {
  try {
    const answer = lotScanAnswer.parse(
      await sdk.client.fetch(`/store/ocop/lots/${encodeURIComponent(code)}/scans`, {
        method: "POST",
        body: provinceCode ? { province_code: provinceCode } : {},
        headers: await signedClientAddress(),
      })
    )
    return answer.counted ? "counted" : answer.province_recorded ? "named" : "repeat"
  } catch (error) {
    return status(error) === 429 ? "limited" : "failed"
  }
}

/**
 * Records one scan of a unit's serial (POST /store/ocop/lots/:code/serials/:serial/checks) with the person's signed
 * address: "first" when this view is its first check, "repeat" with that moment, "unknown" when the lot has no such
 * serial, "voided" (with the producer's reason) when the producer voided it. It also counts as a scan of the lot. A
 * rate limit or an outage never breaks the page ("limited", "failed"). The 404 and 410 carry the verdict, so this uses
 * fetch with the publishable key, as resolveLot does.
 */
export async function checkLotSerial(code: string, serial: string): Promise<SerialCheckAnswer | "limited" | "failed"> {
  try {
    const url = new URL(`/store/ocop/lots/${encodeURIComponent(code)}/serials/${encodeURIComponent(serial)}/checks`, env.MEDUSA_BACKEND_URL)
    const res = await fetch(url, {
      method: "POST",
      cache: "no-store",
      headers: {
        "content-type": "application/json",
        ...(env.MEDUSA_PUBLISHABLE_KEY ? { "x-publishable-api-key": env.MEDUSA_PUBLISHABLE_KEY } : {}),
        ...(await signedClientAddress()),
      },
      body: "{}",
    })
    if (res.status === 429) return "limited"
    if (![200, 201, 404, 410].includes(res.status)) return "failed"
    return serialCheckAnswer.parse(await res.json())
  } catch {
    return "failed"
  }
}

/** The producer's lot templates by name (the new-lot form's "Mẫu lô"). */
export async function listLotTemplates() {
  return lotTemplateList.parse(await producerFetch("/producer/lot-templates")).templates
}

export async function listProducerLots(productId?: string) {
  return staffLotList.parse(await producerFetch("/producer/lots", { query: { limit: 100, ...(productId ? { product_id: productId } : {}) } })).lots
}

/**
 * One of the producer's own lots with the orders that shipped it, or null (another producer's lot answers 404, as
 * one that does not exist).
 */
export async function readProducerLot(id: string) {
  try {
    return producerLotDetail.parse(await producerFetch<unknown>(`/producer/lots/${encodeURIComponent(id)}`))
  } catch (error) {
    if (status(error) === 404) return null
    throw error
  }
}

/** The lot's A4 label sheet as the backend's raw PDF response (accept is not JSON, so the SDK does not parse it). */
export async function downloadLabelSheet(id: string, layout: "3x8" | "2x7") {
  return producerFetch<Response>(`/producer/lots/${encodeURIComponent(id)}/label-sheet`, {
    query: { layout },
    headers: { accept: "application/pdf" },
  })
}

/** The lot's per-unit serials as its producer sees them (figures and batches); null for a lot not the producer's. */
export async function readProducerLotSerials(id: string) {
  try {
    return producerLotSerials.parse(await producerFetch<unknown>(`/producer/lots/${encodeURIComponent(id)}/serials`))
  } catch (error) {
    if (status(error) === 404) return null
    throw error
  }
}

/** Issues serials of the lot; the same `requestKey` again (a retried form post) answers the same batch. */
export async function issueProducerLotSerials(id: string, count: number, requestKey: string) {
  return issuedLotSerials.parse(
    await producerFetch<unknown>(`/producer/lots/${encodeURIComponent(id)}/serials`, { method: "POST", body: { count, request_key: requestKey } })
  )
}

/** Voids serials of the lot (the codes typed, or one whole batch) with the producer's reason. */
export async function voidProducerLotSerials(id: string, target: { serials: string[] } | { batch_id: string }, reason: string) {
  return voidedLotSerials.parse(
    await producerFetch<unknown>(`/producer/lots/${encodeURIComponent(id)}/serials/void`, { method: "POST", body: { ...target, reason } })
  )
}

/** One batch's serial label sheet as the backend's raw PDF response. */
export async function downloadSerialSheet(id: string, batch: string, layout: "3x8" | "2x7") {
  return producerFetch<Response>(`/producer/lots/${encodeURIComponent(id)}/serials/label-sheet`, {
    query: { batch, layout },
    headers: { accept: "application/pdf" },
  })
}
