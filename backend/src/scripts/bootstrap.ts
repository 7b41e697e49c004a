import { writeFileSync, readFileSync, existsSync } from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { readConfig } from "../lib/config"
import { ensureStoreDefaults } from "./lib/ensure-store-defaults"
import { ensureAdminUser } from "./lib/ensure-admin-user"
import { loadDemoCatalog } from "./lib/load-demo-catalog"

/**
 * First-start set-up, safe to run on every start: store defaults, the admin login, the demo catalogue (unless
 * OCOP_DEMO_DATA=false) and the publishable key written where the storefront reads it.
 */
export default async function bootstrap({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  // The product index needs an active version before the writes below can flow into it (the server builds
  // it at start, but this script runs first); on an existing database this refreshes it.
  await (container.resolve(Modules.SEARCH) as any).reindex({ index: "product" })
  const defaults = await ensureStoreDefaults(container)

  const config = readConfig()
  const email = config.adminEmail
  const admin = await ensureAdminUser(container, email, config.adminPassword)
  if (admin.created) logger.info(`Admin user ${email} created`)

  if (config.demoData) {
    const demo = await loadDemoCatalog(container, defaults)
    if (demo.created) logger.info(`Demo catalogue: ${demo.created} products loaded`)
  }

  const envFile = config.storefrontEnvFile
  if (envFile) {
    writeEnvValue(envFile, "MEDUSA_PUBLISHABLE_KEY", defaults.publishableKey)
  }
  // One machine-readable line for scripts that start the backend.
  console.log(`OCOP_BOOTSTRAP ${JSON.stringify({ publishable_key: defaults.publishableKey, region_id: defaults.regionId })}`)
}

function writeEnvValue(file: string, name: string, value: string) {
  const lines = existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l && !l.startsWith(`${name}=`))
    : []
  lines.push(`${name}=${value}`)
  writeFileSync(file, `${lines.join("\n")}\n`)
}
