/** Exemptions: people marked active by hand (PRODUCT.md, roster `exemptions`). */
import type { Person } from '../members/people.js'
import type { Exemption, Roster } from '../roster/roster.js'
import { loginKey } from '../roster/roster.js'

export type ExemptionState =
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
