/**
 * The run memory (#28): when the action first saw each person as a member of each organization.
 * GitHub's member lists carry no join date, so without it someone who joined last month, with no
 * public activity yet, is contacted like someone gone for years. Pure; store.ts keeps it sealed on
 * the tracking issue.
 *
 * A person is remembered by account id where the member list gives one (a login may pass to
 * another account; an id never does), else by login. Memberships no longer held are dropped, so
 * someone who leaves and joins again is new again. Members present on the memory's first run
 * count as known before it (`started`): they are never new.
 */
import type { Person } from '../members/people.js'
import type { Roster } from '../roster/roster.js'
import type { Verdict } from '../verdicts/classify.js'
import { DAY_MS } from '../verdicts/days.js'

export interface RunMemory {
  version: 1
  /** The day the memory began (`YYYY-MM-DD`): members seen that day were there before it. */
  started: string
  /** Per lower-case organization, per person (`#id` or `@login`), the day first seen as a member. */
  firstSeen: Record<string, Record<string, string>>
}

const idKey = (id: number): string => `#${id}`
const loginKey = (key: string): string => `@${key}`

/** The day `person` was first seen in `org`, or undefined. */
function seenIn(memory: RunMemory, org: string, person: Person): string | undefined {
  const seen = memory.firstSeen[org.toLowerCase()] ?? {}
  return (person.id !== undefined ? seen[idKey(person.id)] : undefined) ?? seen[loginKey(person.key)]
}

/** The memory after this run: everyone's first-seen day kept, today for the ones seen first now. */
export function remember(before: RunMemory | null, people: Person[], today: string): RunMemory {
  const memory: RunMemory = { version: 1, started: before?.started ?? today, firstSeen: {} }
  for (const person of people) {
    for (const { org } of person.memberships) {
      const key = person.id !== undefined ? idKey(person.id) : loginKey(person.key)
      const map = (memory.firstSeen[org.toLowerCase()] ??= {})
      map[key] = (before && seenIn(before, org, person)) ?? today
    }
  }
  return memory
}

/**
 * When `person` counts as new: every membership first seen after the memory began and less than
 * that organization's new-member-days ago. Returns the earliest first-seen day, or null.
 */
function firstSeenIfNew(memory: RunMemory, person: Person, roster: Roster, today: string): string | null {
  if (person.memberships.length === 0) return null
  let earliest: string | null = null
  for (const { org } of person.memberships) {
    const seen = seenIn(memory, org, person) ?? today
    if (seen <= memory.started) return null
    const days = roster.orgs.find((o) => o.login.toLowerCase() === org.toLowerCase())?.newMemberDays
    const limit = days ?? roster.newMemberDays
    if (Date.parse(today) - Date.parse(seen) >= limit * DAY_MS) return null
    if (earliest === null || seen < earliest) earliest = seen
  }
  return earliest
}

/**
 * Marks the inactive verdicts of new members (`newMember`): they keep the status `inactive` (no
 * activity was found) but are not contacted. Returns how many were marked.
 */
export function markNewMembers(memory: RunMemory, verdicts: Verdict[], roster: Roster, today: string): number {
  let marked = 0
  for (const verdict of verdicts) {
    if (verdict.status !== 'inactive') continue
    const firstSeen = firstSeenIfNew(memory, verdict.person, roster, today)
    if (firstSeen === null) continue
    verdict.newMember = { firstSeen }
    marked++
  }
  return marked
}

/** Whether two memories hold the same (then nothing needs writing). */
export function sameMemory(a: RunMemory, b: RunMemory): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
