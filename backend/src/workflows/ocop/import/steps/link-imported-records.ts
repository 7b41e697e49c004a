import type { LinkDefinition } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Link } from "@medusajs/framework/modules-sdk"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { writeInChunks } from "../write-in-chunks"

type LinkModule = NonNullable<ReturnType<Link["getLinkModule"]>>

/**
 * Writes a chunk of links through their link modules, as `link.create` does, but without the read it makes first
 * for a link whose side is not a list ("has any of these 500 products another producer already?"): one statement of
 * 500 ORs under LIMIT 1, which PostgreSQL answers by scanning the whole link table (it expects an early match and
 * there is none) — 200 ms a chunk at 20,000 links, growing with the table, so the import's link steps grew with
 * the square of the catalogue. The import plan only links new products, new certificates and products that have no
 * producer yet (planImport), so that read can find nothing here.
 */
async function createLinks(link: Link, links: LinkDefinition[]) {
  const rowsByModule = new Map<LinkModule, [string, string][]>()
  for (const definition of links) {
    // The definition's order picks the link module, as in `link.create` (its first module is the link's primary).
    const [moduleA, moduleB] = Object.keys(definition).filter((key) => key !== "data")
    const [keyA] = Object.keys(definition[moduleA])
    const [keyB] = Object.keys(definition[moduleB])
    const linkModule = link.getLinkModule(moduleA, keyA, moduleB, keyB)
    if (!linkModule) throw new Error(`no link is defined from ${moduleA}.${keyA} to ${moduleB}.${keyB}`)
    const rows = rowsByModule.get(linkModule) ?? []
    rows.push([definition[moduleA][keyA] as string, definition[moduleB][keyB] as string])
    rowsByModule.set(linkModule, rows)
  }
  for (const [linkModule, rows] of rowsByModule) await linkModule.create(rows)
}

/**
 * Links imported products to their producers or certificates, chunk by chunk (Medusa's createRemoteLinkStep
 * inserts a whole list in one statement, which a 50,000-row list would overflow); dismissed again on failure.
 */
export const linkImportedRecordsStep = createStep(
  "link-imported-records",
  async ({ links, chunk_size }: { links: LinkDefinition[]; chunk_size: number }, { container }) => {
    if (!links.length) return new StepResponse([] as LinkDefinition[], [] as LinkDefinition[])
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    await writeInChunks(
      links,
      chunk_size,
      async (chunk) => {
        await createLinks(link, chunk)
        return chunk
      },
      async (done) => {
        await link.dismiss(done)
      }
    )
    return new StepResponse(links, links)
  },
  async (links, { container }) => {
    if (!links?.length) return
    await container.resolve(ContainerRegistrationKeys.LINK).dismiss(links)
  }
)
