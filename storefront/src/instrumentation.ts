/**
 * Runs once when the server starts (`next start`, `next dev`): without its secrets the shop refuses to start,
 * naming each missing variable, instead of failing on the first revalidation or checkout.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return
  const { exitUnlessConfigured } = await import("./lib/env-schema")
  exitUnlessConfigured()
}
