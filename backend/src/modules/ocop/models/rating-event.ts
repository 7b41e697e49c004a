import { model } from "@medusajs/framework/utils"
import { RATING_EVENT_KINDS } from "@ocop/domain"
import { Certification } from "./certification"

/** Every evaluation of a certified product, never deleted: the rating history that provinces report on. */
export const RatingEvent = model
  .define("rating_event", {
    id: model.id({ prefix: "orev" }).primaryKey(),
    kind: model.enum([...RATING_EVENT_KINDS]),
    stars: model.number().nullable(),
    previous_stars: model.number().nullable(),
    decision_number: model.text().nullable(),
    decision_date: model.dateTime().nullable(),
    note: model.text().nullable(),
    // Who wrote this entry: "curator" (a provincial office), "user" (the operator), null for imports and the
    // nightly job. The email is copied, so the history still names the person after the account is gone.
    recorded_by_type: model.text().nullable(),
    recorded_by_id: model.text().nullable(),
    recorded_by_email: model.text().nullable(),
    certification: model.belongsTo(() => Certification, { mappedBy: "rating_events" }),
  })
  .checks([{ name: "rating_event_stars_check", expression: (c) => `${c.stars} IS NULL OR ${c.stars} BETWEEN 3 AND 5` }])
