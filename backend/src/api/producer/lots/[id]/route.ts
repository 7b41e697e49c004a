import type { MedusaResponse } from "@medusajs/framework/http"
import { readStaffLot } from "../read-producer-lot"
import type { ProducerLotRequest } from "../scope"

/** GET /producer/lots/:id — one of the producer's lots (another producer's answers 404 in middleware). */
export const GET = async (req: ProducerLotRequest, res: MedusaResponse) => {
  res.json({ lot: await readStaffLot(req.scope, req.lot.id) })
}
