/** The order every report lists people in: by urgency of status; owners, then members of audited teams, then members; then by login. */
import { isOwner } from '../members/people.js'
import type { Status, Verdict } from '../verdicts/classify.js'

export const STATUS_ORDER: Status[] = ['inactive', 'unknown', 'approaching', 'exempt', 'active']

export function byPriority(a: Verdict, b: Verdict): number {
  return (
    STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
    Number(isOwner(b.person)) - Number(isOwner(a.person)) ||
    Number(Boolean(b.person.teams?.length)) - Number(Boolean(a.person.teams?.length)) ||
    a.person.key.localeCompare(b.person.key)
  )
}

export function countByStatus(verdicts: Verdict[]): Record<Status, number> {
  const counts: Record<Status, number> = { active: 0, approaching: 0, inactive: 0, exempt: 0, unknown: 0 }
  for (const v of verdicts) counts[v.status]++
  return counts
}
