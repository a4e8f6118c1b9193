/** Exemptions: people marked active by hand (docs/contract.md, roster `exemptions`). Pure. */
import type { Person } from '../members/people.js'
import type { Exemption, Roster } from '../roster/roster.js'
import { loginKey } from '../roster/roster.js'
import { daysBetween } from './days.js'

type ExemptionState =
  /** Holds today and covers every organization the person is in. */
  | 'valid'
  /** Its `until` date has passed: reported, not applied. */
  | 'expired'
  /** Holds, but not for every organization the person is in: not applied. */
  | 'partial'

export interface AppliedExemption {
  exemption: Exemption
  state: ExemptionState
}

/** What the reports say of an exemption: its state, or that a valid one ends within the warning band. */
export type ExemptionStanding = ExemptionState | 'expires-soon'

/** The person's exemption and whether it applies on `today` (UTC `YYYY-MM-DD`). */
export function exemptionFor(person: Person, roster: Roster, today: string): AppliedExemption | null {
  const exemption = roster.exemptions.find((e) => loginKey(e.login) === person.key)
  if (!exemption) return null
  if (exemption.until !== undefined && exemption.until < today) return { exemption, state: 'expired' }
  const covered = exemption.orgs
  if (covered && person.memberships.some((m) => !covered.includes(loginKey(m.org))))
    return { exemption, state: 'partial' }
  return { exemption, state: 'valid' }
}

/**
 * The one rule for "expires soon", shared by the summary and the tracking issue: a valid
 * exemption whose last day is at most the person's `warn-before-days` away (0 turns it off).
 */
export function exemptionStanding(applied: AppliedExemption, warnBeforeDays: number, today: string): ExemptionStanding {
  const { until } = applied.exemption
  if (applied.state !== 'valid' || until === undefined || warnBeforeDays === 0) return applied.state
  return daysBetween(today, until) <= warnBeforeDays ? 'expires-soon' : 'valid'
}
