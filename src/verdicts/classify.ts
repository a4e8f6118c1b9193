/**
 * The verdict for one person: pure, from what the activity sources found, the person's window
 * and their exemption. The one rule that matters most: a person is `inactive` only when every
 * source answered; if any could not, and nothing in the window was found, they are `unknown`.
 */
import type { Evidence } from '../activity/evidence.js'
import type { Person } from '../members/people.js'
import type { AppliedExemption } from './exemptions.js'
import type { PersonWindow } from './window.js'

export type Status = 'active' | 'approaching' | 'inactive' | 'exempt' | 'unknown'

export interface Verdict {
  person: Person
  status: Status
  window: PersonWindow
  lastActivity: Evidence | null
  exemption: AppliedExemption | null
  /** Why a source could not answer for this person (an unknown verdict's reasons). */
  errors: string[]
  /**
   * Set on an inactive verdict when the run memory (src/memory/) first saw the person as a member
   * less than new-member-days ago: not contacted, shown as new until the period ends.
   */
  newMember?: { firstSeen: string }
}

export function classify(
  person: Person,
  window: PersonWindow,
  lastActivity: Evidence | null,
  errors: string[],
  exemption: AppliedExemption | null
): Verdict {
  const at = lastActivity ? Date.parse(lastActivity.at) : null
  let status: Status
  if (at !== null && at >= window.since.getTime()) {
    status = at >= window.settledAt.getTime() ? 'active' : 'approaching'
  } else {
    status = errors.length > 0 ? 'unknown' : 'inactive'
    if (exemption?.state === 'valid') status = 'exempt'
  }
  return { person, status, window, lastActivity, exemption, errors }
}
