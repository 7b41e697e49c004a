import type { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { Curator } from "./models/curator"
import { CuratorInvite } from "./models/curator-invite"

export default class CuratorModuleService extends MedusaService({ Curator, CuratorInvite }) {
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
}
