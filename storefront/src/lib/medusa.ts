import "server-only"
import Medusa from "@medusajs/js-sdk"
import { env } from "./env"

/**
 * The one Medusa client. Pages and actions read and write through src/lib/data/*, never through fetch; the
 * buyer's token travels per call (from an httpOnly cookie), so the client itself holds no session.
 */
export const sdk = new Medusa({
  baseUrl: env.MEDUSA_BACKEND_URL,
  publishableKey: env.MEDUSA_PUBLISHABLE_KEY,
  auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
})

/** Catalogue reads are shared by every visitor and revalidated by tag when the backend says something changed. */
export const CATALOG_TAG = "catalog"
export const catalogCache = { cache: "force-cache" as const, next: { tags: [CATALOG_TAG], revalidate: 3600 } }
