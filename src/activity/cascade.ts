/**
 * Runs the activity sources in order, cheapest per person first. A person leaves the cascade as
 * soon as evidence newer than their "settled" time is found (the start of the approaching band):
 * later sources cannot change their verdict. Evidence inside the approaching band keeps them in,
 * since a later source may find something newer that makes them plainly active.
 *
 * A source that fails for someone after the client's own retries (an outage longer than its
 * back-off, a burst of secondary limits) would leave them unknown, or approaching where that source
 * might have shown newer activity. So once the cascade is through, the people it could not settle
 * are asked again, after a pause, by only the sources that failed
 * for them, when the quota left pays for it. Failures that asking again cannot change (an account
 * that no longer exists, a bot) are not retried.
 */
import type { Failure } from '../github/failures.js'
import type { Person } from '../members/people.js'
import { type Evidence, type EvidencePolicy, admits, latest } from './evidence.js'

export interface ActivityQuestion {
  person: Person
  /** Start of the person's window: older evidence does not count. */
  since: Date
  /** Evidence at or after this settles the verdict as active. */
  settledAt: Date
}

/** What one source said about one person. */
export interface SourceAnswer {
  evidence: Evidence[]
  /** Set when the source could not answer fully for this person; `passing` when asking again may help. */
  failure?: Failure
}

export interface ActivitySource {
  name: string
  check(questions: ActivityQuestion[], policy: EvidencePolicy): Promise<Map<string, SourceAnswer>>
}

/** What the cascade learnt about a person. */
export interface ActivityFindings {
  /** The latest admitted evidence found, in or out of the window. */
  latest: Evidence | null
  /** One line per source that could not answer for this person. */
  errors: string[]
}

/** Told, before each source runs, how many people it is asked about (progress and the benchmark's C). */
export type SourceObserver = (source: string, asked: number) => void

/** People to ask again, by source name. */
type RecheckPlan = Map<string, number>

export interface Recheck {
  /** Wait before asking again, so that a short outage or a secondary limit has passed. */
  pauseMs: number
  /** Whether the quota left pays for the plan; nothing is asked again otherwise. */
  affordable(plan: RecheckPlan): Promise<boolean>
  /** Told the plan before the pause (for the log). */
  starting?(plan: RecheckPlan): void
}

interface Found {
  latest: Evidence | null
  failures: Map<string, Failure>
}

export async function findActivity(
  questions: ActivityQuestion[],
  sources: ActivitySource[],
  policy: EvidencePolicy,
  observe: SourceObserver = () => {},
  recheck?: Recheck
): Promise<Map<string, ActivityFindings>> {
  const found = new Map<string, Found>(questions.map((q) => [q.person.key, { latest: null, failures: new Map() }]))
  const settled = (q: ActivityQuestion): boolean => {
    const at = found.get(q.person.key)!.latest?.at
    return !!at && Date.parse(at) >= q.settledAt.getTime()
  }

  let open = questions
  for (const source of sources) {
    observe(source.name, open.length)
    if (open.length === 0) continue
    record(source.name, open, await source.check(open, policy), found, policy)
    open = open.filter((q) => !settled(q))
  }

  if (recheck) {
    // Those not settled (unknown, or approaching where a failed source might show newer activity)
    // whom a source failed in a way that may pass.
    const again = (q: ActivityQuestion, source: string): boolean =>
      found.get(q.person.key)!.failures.get(source)?.passing === true
    const stuck = questions.filter((q) => !settled(q))
    const plan: RecheckPlan = new Map()
    for (const source of sources) {
      const n = stuck.filter((q) => again(q, source.name)).length
      if (n) plan.set(source.name, n)
    }
    if (plan.size && (await recheck.affordable(plan))) {
      recheck.starting?.(plan)
      await new Promise((resolve) => setTimeout(resolve, recheck.pauseMs))
      for (const source of sources) {
        const asked = stuck.filter((q) => again(q, source.name) && !settled(q))
        if (asked.length === 0) continue
        observe(source.name, asked.length)
        for (const q of asked) found.get(q.person.key)!.failures.delete(source.name)
        record(source.name, asked, await source.check(asked, policy), found, policy)
      }
    }
  }

  return new Map(
    [...found].map(([key, f]) => [
      key,
      { latest: f.latest, errors: [...f.failures].map(([source, { message }]) => `${source}: ${message}`) }
    ])
  )
}

function record(
  source: string,
  asked: ActivityQuestion[],
  answers: Map<string, SourceAnswer>,
  found: Map<string, Found>,
  policy: EvidencePolicy
): void {
  for (const q of asked) {
    const mine = found.get(q.person.key)!
    const answer = answers.get(q.person.key)
    if (!answer) {
      mine.failures.set(source, { message: 'no answer', passing: true })
      continue
    }
    if (answer.failure) mine.failures.set(source, answer.failure)
    for (const e of answer.evidence) if (admits(e, policy)) mine.latest = latest(mine.latest, e)
  }
}
