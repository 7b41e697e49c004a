import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { Curator } from "./models/curator"
import { CuratorInvite } from "./models/curator-invite"
import { ListingVisibilityChange } from "./models/listing-visibility-change"
import { CertificateReminder } from "./models/certificate-reminder"

export default class CuratorModuleService extends MedusaService({ Curator, CuratorInvite, ListingVisibilityChange, CertificateReminder }) {
  /**
   * Marks an invite used in one conditional UPDATE and returns its id, or null when it is unknown, used or
   * expired. A read-then-write would let two concurrent accepts both see it unused and create two curators.
   */
  @InjectManager()
  async claimCuratorInvite(tokenHash: string, @MedusaContext() sharedContext: Context = {}): Promise<string | null> {
    const manager = sharedContext.manager as { execute: (sql: string, params: unknown[]) => Promise<{ id: string }[]> }
    const rows = await manager.execute(
      `UPDATE "curator_invite" SET "accepted_at" = now(), "updated_at" = now()
        WHERE "token_hash" = ? AND "accepted_at" IS NULL AND "expires_at" > now() AND "deleted_at" IS NULL
        RETURNING "id"`,
      [tokenHash]
    )
    return rows[0]?.id ?? null
  }

  /**
   * Takes the reminders not yet taken, in one INSERT … ON CONFLICT DO NOTHING, and returns the ids of the rows this
   * call inserted. A reminder another run (or worker) already took is not returned, so it is never sent twice.
   */
  @InjectManager()
  async claimCertificateReminders(
    rows: {
      id: string
      certification_id: string
      threshold_days: number
      province_code: string
      product_id: string | null
      valid_until: Date
      recipients: string[]
    }[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string[]> {
    if (!rows.length) return []
    const manager = sharedContext.manager as { execute: (sql: string, params: unknown[]) => Promise<{ id: string }[]> }
    const values = rows.map(() => "(?, ?, ?, ?, ?, ?, ARRAY(SELECT jsonb_array_elements_text(?::jsonb)), '{}'::text[])").join(", ")
    const params = rows.flatMap((r) => [
      r.id,
      r.certification_id,
      r.threshold_days,
      r.province_code,
      r.product_id,
      r.valid_until,
      JSON.stringify(r.recipients),
    ])
    // (The driver would spread a JS array into separate parameters, hence the JSON round trip for the text[].)
    const inserted = await manager.execute(
      `INSERT INTO "certificate_reminder" ("id", "certification_id", "threshold_days", "province_code", "product_id", "valid_until", "recipients", "notification_ids")
       VALUES ${values}
       ON CONFLICT ("certification_id", "threshold_days") WHERE "deleted_at" IS NULL DO NOTHING
       RETURNING "id"`,
      params
    )
    return inserted.map((r) => r.id)
  }
}
