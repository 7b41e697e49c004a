/**
 * Runs once when the server starts (`next start`, `next dev`): without its secrets the shop refuses to start,
 * naming each missing variable, instead of failing on the first revalidation or checkout.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return
  const { parseShopEnv } = await import("./lib/env-schema")
  try {
    parseShopEnv(process.env)
  } catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
}
