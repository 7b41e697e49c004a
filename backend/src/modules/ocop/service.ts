import { Context } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { computeValidUntil, defaultCertifyingLevel, isStarTier } from "@ocop/domain"
import { getProvince } from "@ocop/domain/places"
import { getProductGroup } from "@ocop/domain/taxonomy"
import { Certification } from "./models/certification"
import { RatingEvent } from "./models/rating-event"
import { toDateOnly, fromDateOnly } from "./dates"
import { rethrowConstraintError } from "./constraint-errors"
import { CERTIFIED_STATUSES_SQL, EFFECTIVE_STATUS_SQL } from "./effective-status-sql"
import { recordedByColumns } from "./types"
import type { CertificationStatus, IssueCertificationInput, ProvinceCertificationCounts, RatingEventKind, RecordedBy, RenewalReminder } from "./types"

/** Which status a certificate may move to. Ended certificates stay ended: a re-issue is a new certificate. */
const STATUS_TRANSITIONS: Record<CertificationStatus, CertificationStatus[]> = {
  active: ["expired", "revoked", "superseded"],
  expired: ["revoked"],
  revoked: [],
  superseded: [],
}

/** The decision behind a status move (a revocation has its own number and date) and who recorded it. */
export type StatusEventDetails = { decision_number?: string | null; decision_date?: string | null; recorded_by?: RecordedBy | null }

const STATUS_EVENT: Partial<Record<CertificationStatus, RatingEventKind>> = {
  revoked: "revocation",
  expired: "expiry",
}

export default class OcopModuleService extends MedusaService({ Certification, RatingEvent }) {
  /**
   * Issues certificates and writes their first history entry in one transaction. valid_until defaults to the
   * decision date + 36 months; the star range is enforced by the database (certification_stars_check).
   */
  @InjectManager()
  async issueCertifications(data: IssueCertificationInput[], @MedusaContext() sharedContext: Context = {}) {
    // The insert reaches the database when the transaction commits, so constraint errors surface here.
    try {
      return await this.issueCertifications_(data, sharedContext)
    } catch (error) {
      rethrowConstraintError(error)
    }
  }

  @InjectTransactionManager()
  protected async issueCertifications_(data: IssueCertificationInput[], @MedusaContext() sharedContext: Context = {}) {
    const rows = data.map((input) => this.prepareCertification(input))
    const created = await this.createCertifications(rows, sharedContext)
    await this.createRatingEvents(
      created.map((cert, i) => ({
        certification_id: cert.id,
        kind: data[i].event_kind ?? "first_rating",
        stars: cert.stars,
        previous_stars: data[i].previous_stars ?? null,
        decision_number: cert.decision_number,
        decision_date: cert.decision_date,
        note: data[i].note ?? null,
        ...recordedByColumns(data[i].recorded_by),
      })),
      sharedContext
    )
    return created
  }

  /** Moves a certificate to a new status, refusing transitions the programme does not allow, and logs it. */
  @InjectManager()
  async changeCertificationStatus(
    id: string,
    status: CertificationStatus,
    reason: string | null = null,
    event: StatusEventDetails = {},
    @MedusaContext() sharedContext: Context = {}
  ) {
    return await this.changeCertificationStatus_(id, status, reason, event, sharedContext)
  }

  @InjectTransactionManager()
  protected async changeCertificationStatus_(
    id: string,
    status: CertificationStatus,
    reason: string | null,
    event: StatusEventDetails,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const current = await this.retrieveCertification(id, {}, sharedContext)
    if (current.status === status) {
      return current
    }
    if (!STATUS_TRANSITIONS[current.status].includes(status)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `status: a ${current.status} certification cannot become ${status}`)
    }
    const updated = await this.updateCertifications({ id, status, status_reason: reason }, sharedContext)
    const kind = STATUS_EVENT[status]
    if (kind) {
      await this.createRatingEvents(
        {
          certification_id: id,
          kind,
          stars: current.stars,
          previous_stars: current.stars,
          note: reason,
          decision_number: event.decision_number ?? null,
          decision_date: fromDateOnly(event.decision_date),
          ...recordedByColumns(event.recorded_by),
        },
        sharedContext
      )
    }
    return updated
  }

  private prepareCertification(input: IssueCertificationInput) {
    if (!getProvince(input.province_code)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `province_code: unknown province "${input.province_code}"`)
    }
    if (input.product_group_code && !getProductGroup(input.product_group_code)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `product_group_code: "${input.product_group_code}" is not a QĐ 148 group code`)
    }
    const validFrom = input.valid_from ?? input.decision_date ?? null
    const validUntil = input.valid_until ?? (input.decision_date ? computeValidUntil(input.decision_date) : null)
    return {
      stars: input.stars,
      potential_five_star: input.potential_five_star ?? false,
      score: input.score ?? null,
      product_group_code: input.product_group_code ?? null,
      decision_number: input.decision_number ?? null,
      decision_date: fromDateOnly(input.decision_date),
      // Out-of-range stars are left for the database constraint to refuse, with the constraint's clear message.
      certifying_level: input.certifying_level ?? (isStarTier(input.stars) ? defaultCertifyingLevel(input.stars) : "province"),
      valid_from: fromDateOnly(validFrom),
      valid_until: fromDateOnly(validUntil),
      status: input.status ?? "active",
      province_as_listed: input.province_as_listed ?? null,
      district_as_listed: input.district_as_listed ?? null,
      commune_as_listed: input.commune_as_listed ?? null,
      province_code: input.province_code,
      commune_code: input.commune_code ?? null,
      source: input.source ?? null,
      import_key: input.import_key ?? null,
      fingerprint: input.fingerprint ?? null,
    }
  }

  /** Each certificate's effective status (EFFECTIVE_STATUS_SQL) on `today` (YYYY-MM-DD), computed by the database. */
  @InjectManager()
  async listEffectiveStatuses(ids: string[], today: string, @MedusaContext() sharedContext: Context = {}) {
    if (!ids.length) return []
    // Lists travel as one JSON parameter: knex would spread an array binding into a list of placeholders.
    const rows: { id: string; effective_status: string }[] = await (sharedContext.manager as SqlEntityManager).execute(
      `SELECT id, ${EFFECTIVE_STATUS_SQL} AS effective_status FROM certification WHERE deleted_at IS NULL AND id IN (SELECT jsonb_array_elements_text(?::jsonb))`,
      [today, JSON.stringify(ids)]
    )
    return rows
  }

  /**
   * Per province of the given certificates (each paired with its product): the distinct products, and the
   * certificates that carry their stars on `today` per star tier, counted in one grouped statement.
   */
  @InjectManager()
  async countCertificationsByProvince(
    pairs: { certification_id: string; product_id: string }[],
    today: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ProvinceCertificationCounts[]> {
    if (!pairs.length) return []
    const rows: { province_code: string; product_count: string; stars: number | null; certified: string }[] = await (
      sharedContext.manager as SqlEntityManager
    ).execute(
      `WITH listed AS (
         SELECT c.province_code, p.product_id, c.stars,
                (${EFFECTIVE_STATUS_SQL}) IN ${CERTIFIED_STATUSES_SQL} AS certified
           FROM jsonb_to_recordset(?::jsonb) AS p(certification_id text, product_id text)
           JOIN certification c ON c.id = p.certification_id AND c.deleted_at IS NULL
       )
       SELECT province_code, stars, count(DISTINCT product_id) AS product_count, count(*) FILTER (WHERE certified) AS certified
         FROM listed GROUP BY GROUPING SETS ((province_code), (province_code, stars))`,
      [today, JSON.stringify(pairs)]
    )
    const byProvince = new Map<string, ProvinceCertificationCounts>()
    for (const row of rows) {
      const entry = byProvince.get(row.province_code) ?? { province_code: row.province_code, product_count: 0, certified_by_stars: {} }
      if (row.stars === null) entry.product_count = Number(row.product_count)
      else entry.certified_by_stars[row.stars] = Number(row.certified)
      byProvince.set(row.province_code, entry)
    }
    return [...byProvince.values()]
  }

  /**
   * Active certificates among `ids` whose valid-until falls within the next `withinDays` days of `today`
   * (today included), with the days left: what a producer must ask re-evaluation for. Soonest first.
   */
  @InjectManager()
  async listRenewalReminders(
    ids: string[],
    today: string,
    withinDays: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RenewalReminder[]> {
    if (!ids.length) return []
    const rows: { id: string; stars: number; valid_until: Date; days_left: number }[] = await (sharedContext.manager as SqlEntityManager).execute(
      `SELECT id, stars, valid_until, days_left FROM (
         SELECT id, stars, valid_until, (valid_until AT TIME ZONE 'UTC')::date - ?::date AS days_left
           FROM certification
          WHERE deleted_at IS NULL AND status = 'active' AND valid_until IS NOT NULL
            AND id IN (SELECT jsonb_array_elements_text(?::jsonb))
       ) dated
       WHERE days_left BETWEEN 0 AND ? ORDER BY days_left, id`,
      [today, JSON.stringify(ids), withinDays]
    )
    return rows.map((r) => ({ certification_id: r.id, stars: r.stars, valid_until: toDateOnly(r.valid_until)!, days_left: Number(r.days_left) }))
  }
}

export { toDateOnly }
