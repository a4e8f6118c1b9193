/** Each person's window: how far back activity counts for them, and where "approaching" starts. */
import type { Person } from '../members/people.js'
import type { Roster } from '../roster/roster.js'
import { loginKey } from '../roster/roster.js'

const DAY_MS = 24 * 60 * 60 * 1000

export interface PersonWindow {
  days: number
  warnBeforeDays: number
  /** Activity at or after this counts. */
  since: Date
  /** Activity before this (but in the window) makes a person "approaching"; at or after it, plainly active. */
  settledAt: Date
}

/**
 * A person in several organizations (or in an audited team) is held to the strictest (shortest)
 * window among them: a shorter threshold is a deliberate choice and must not be diluted by a
 * longer one elsewhere.
 */
export function personWindow(person: Person, roster: Roster, now: Date): PersonWindow {
  const teams = new Set((person.teams ?? []).map((t) => t.team.toLowerCase()))
  const rules = [
    ...roster.orgs.filter((o) =>
      [...person.memberships, ...(person.outside ?? [])].some((m) => loginKey(m.org) === loginKey(o.login))
    ),
    ...roster.teams.filter((t) => teams.has(`${t.org}/${t.slug}`.toLowerCase()))
  ]
  const strictest = rules.reduce<{ days: number; warn: number } | null>(
    (best, r) =>
      !best || r.inactiveAfterDays < best.days ? { days: r.inactiveAfterDays, warn: r.warnBeforeDays } : best,
    null
  ) ?? { days: roster.inactiveAfterDays, warn: roster.warnBeforeDays }
  const warn = Math.min(strictest.warn, strictest.days)
  return {
    days: strictest.days,
    warnBeforeDays: warn,
    since: new Date(now.getTime() - strictest.days * DAY_MS),
    settledAt: new Date(now.getTime() - (strictest.days - warn) * DAY_MS)
  }
}

/** The widest window in the roster, which the activity queries must cover. */
export function widestWindowDays(roster: Roster): number {
  return Math.max(roster.inactiveAfterDays, ...roster.orgs.map((o) => o.inactiveAfterDays))
}
