import type { SearchTypes } from "@medusajs/framework/types"

/**
 * The order of an index's writes within one process. The Search Module writes an event's mutations after its
 * consumer has answered, through a step of its own (it first reads which index version is active). With the
 * in-memory event bus (one process, the embedded `npm start`), events arrive together: an import and, milliseconds
 * later, its revocation. Their reads are taken one at a time (`consumeInOrder`), but without this the second event's
 * write could reach the index before the first one's and leave the older document in it.
 *
 * Our providers report each mutation they have written (its `documents` array or `filters` object, the very objects
 * the consumer answered with), and the consumer hands an event's mutations to the module only once the event before
 * has been reported written. A write that never reaches a provider (the module failed before calling it: "no active
 * version", a crash) is waited for at most `WRITE_BACKSTOP_MS`. A worker of the Redis event bus delivers one event at
 * a time, so there the previous event is always written already and nothing waits. Every provider the index may use
 * must report its writes: one that does not would hold each event back by the whole backstop.
 */
export const WRITE_BACKSTOP_MS = 3_000

type Mutation = SearchTypes.SearchMutation

const waiting = new WeakMap<object, (() => void)[]>()

/** What a mutation hands to its provider: the object the provider reports back. */
function targetOf(mutation: Mutation): object | undefined {
  if (mutation.action === "upsert") {
    // The module skips an upsert without documents: nothing will report it.
    return mutation.documents.length ? mutation.documents : undefined
  }
  return mutation.filters && typeof mutation.filters === "object" ? mutation.filters : undefined
}

/** Settles once a provider has reported every mutation of an answer written (a registration, made before the module sees them). */
export function whenWritten(mutations: Mutation[]): Promise<void> {
  const reports = mutations.flatMap((mutation) => {
    const target = targetOf(mutation)
    if (!target) return []
    return [new Promise<void>((resolve) => waiting.set(target, [...(waiting.get(target) ?? []), resolve]))]
  })
  return Promise.all(reports).then(() => undefined)
}

/** Called by our providers once a mutation's documents or filters are written, or their write has failed. */
export function reportWritten(target: object | undefined): void {
  if (!target) return
  const resolvers = waiting.get(target)
  if (!resolvers) return
  waiting.delete(target)
  for (const resolve of resolvers) resolve()
}

/** `written`, or the backstop, whichever comes first. */
export function withinBackstop(written: Promise<void>, ms = WRITE_BACKSTOP_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const backstop = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms)
    timer.unref?.()
  })
  return Promise.race([written, backstop]).finally(() => clearTimeout(timer))
}
