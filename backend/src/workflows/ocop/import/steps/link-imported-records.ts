import type { LinkDefinition } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { writeInChunks } from "../write-in-chunks"

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
        await link.create(chunk)
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
