/**
 * Whether the audit can be trusted as a whole: per organization (did every member get a verdict
 * other than unknown?) and for the run (the max-unknown-percent rule). Pure.
 */
import type { OrgMember } from '../members/people.js'
import type { Roster } from '../roster/roster.js'
import { loginKey } from '../roster/roster.js'
import type { Verdict } from './classify.js'
import type { OrgResult } from './result.js'

export function orgResults(
  roster: Roster,
  memberLists: { org: string; members: OrgMember[] }[],
  verdicts: Verdict[]
): OrgResult[] {
  return roster.orgs.map((o) => {
    const key = loginKey(o.login)
    const mine = verdicts.filter((v) => v.person.memberships.some((m) => loginKey(m.org) === key))
    return {
      login: o.login,
      members: memberLists.find((l) => l.org === o.login)?.members.length ?? 0,
      complete: mine.every((v) => v.status !== 'unknown')
    }
  })
}

/**
 * Why the run is incomplete, or null: more than `max-unknown-percent` of people unknown. Then the
 * run fails and the tracking issue's list is left as it was — a list built on that many gaps
 * would drop people who are only unknown.
 */
export function incompleteReason(verdicts: Verdict[], maxUnknownPercent: number): string | null {
  const unknown = verdicts.filter((v) => v.status === 'unknown').length
  const percent = verdicts.length ? (100 * unknown) / verdicts.length : 0
  if (percent <= maxUnknownPercent) return null
  return `${unknown} of ${verdicts.length} people (${percent.toFixed(1)}%) could not be checked, more than max-unknown-percent (${maxUnknownPercent}%).`
}
