/**
 * Runs the activity sources in order, cheapest per person first. A person leaves the cascade as
 * soon as evidence newer than their "settled" time is found (the start of the approaching band):
 * later sources cannot change their verdict. Evidence inside the approaching band keeps them in,
 * since a later source may find something newer that makes them plainly active.
 */
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
  /** Set when the source could not answer fully for this person. */
  error?: string
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

export async function findActivity(
  questions: ActivityQuestion[],
  sources: ActivitySource[],
  policy: EvidencePolicy,
  observe: SourceObserver = () => {}
): Promise<Map<string, ActivityFindings>> {
  const findings = new Map<string, ActivityFindings>(questions.map((q) => [q.person.key, { latest: null, errors: [] }]))
  let open = questions
  for (const source of sources) {
    observe(source.name, open.length)
    if (open.length === 0) continue
    const answers = await source.check(open, policy)
    for (const q of open) {
      const found = findings.get(q.person.key)!
      const answer = answers.get(q.person.key)
      if (!answer) {
        found.errors.push(`${source.name}: no answer`)
        continue
      }
      if (answer.error) found.errors.push(`${source.name}: ${answer.error}`)
      for (const e of answer.evidence) if (admits(e, policy)) found.latest = latest(found.latest, e)
    }
    open = open.filter((q) => {
      const at = findings.get(q.person.key)!.latest?.at
      return !at || Date.parse(at) < q.settledAt.getTime()
    })
  }
  return findings
}
