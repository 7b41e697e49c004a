import type { MedusaResponse } from "@medusajs/framework/http"
import type { CuratorReminders, Presented } from "@ocop/contracts"
import { CURATOR_MODULE } from "../../../modules/curator"
import type CuratorModuleService from "../../../modules/curator/service"
import { startOfDayInVietnam } from "@ocop/domain"
import { toDateOnly } from "../../../modules/ocop/dates"
import type { CuratorRequest } from "../scope"
import type { CuratorListReminders } from "../validators"

/**
 * GET /curator/reminders?certificate_id=&from=&limit=&offset= — which producers were told that a certificate of
 * the curator's provinces expires, and when (newest first). `from` is a calendar day in Vietnam.
 */
export const GET = async (req: CuratorRequest, res: MedusaResponse) => {
  const params = req.validatedQuery as unknown as CuratorListReminders
  const curators: CuratorModuleService = req.scope.resolve(CURATOR_MODULE)
  const [reminders, count] = await curators.listAndCountCertificateReminders(
    {
      province_code: req.curator.province_codes,
      ...(params.certificate_id ? { certification_id: params.certificate_id } : {}),
      ...(params.from ? { created_at: { $gte: startOfDayInVietnam(params.from) } } : {}),
    },
    { order: { created_at: "DESC", id: "DESC" }, skip: params.offset, take: params.limit }
  )
  res.json({
    reminders: reminders.map((r) => ({
      id: r.id,
      certificate_id: r.certification_id,
      product_id: r.product_id,
      threshold_days: r.threshold_days,
      valid_until: toDateOnly(r.valid_until),
      recipients: r.recipients,
      notification_ids: r.notification_ids,
      sent_at: r.created_at,
    })),
    count,
    offset: params.offset,
    limit: params.limit,
  } satisfies Presented<CuratorReminders>)
}
