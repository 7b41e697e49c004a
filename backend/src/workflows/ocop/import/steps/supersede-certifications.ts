import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OCOP_MODULE } from "../../../../modules/ocop"
import type OcopModuleService from "../../../../modules/ocop/service"
import { writeInChunks } from "../write-in-chunks"

type Superseded = { id: string; status: string }

/** The certificates a later list replaces become "superseded"; undone back to the status each had. */
export const supersedeCertificationsStep = createStep(
  "supersede-certifications",
  async ({ certifications, chunk_size }: { certifications: Superseded[]; chunk_size: number }, { container }) => {
    if (!certifications.length) return new StepResponse([] as string[], [] as Superseded[])
    const ocop: OcopModuleService = container.resolve(OCOP_MODULE)
    await writeInChunks(
      certifications,
      chunk_size,
      async (chunk) => {
        await ocop.updateCertifications(chunk.map(({ id }) => ({ id, status: "superseded" as const })))
        return chunk
      },
      (done) => restoreStatuses(ocop, done)
    )
    return new StepResponse(
      certifications.map((c) => c.id),
      certifications
    )
  },
  async (certifications, { container }) => {
    if (!certifications?.length) return
    await restoreStatuses(container.resolve(OCOP_MODULE), certifications)
  }
)

async function restoreStatuses(ocop: OcopModuleService, certifications: Superseded[]): Promise<void> {
  await ocop.updateCertifications(certifications.map(({ id, status }) => ({ id, status: status as any })))
}
