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
  /**
   * The window is the one their public memberships alone would give. When a concealed membership,
   * an audited team (whose members only the organization sees) or outside access made it shorter,
   * the verdict itself tells of them, so public text may not name the person (text/disclosure.ts).
   */
  restsOnPublic: boolean
}

/**
 * A person in several organizations (or in an audited team) is held to the strictest (shortest)
 * window among them: a shorter threshold is a deliberate choice and must not be diluted by a
 * longer one elsewhere.
 */
export function personWindow(person: Person, roster: Roster, now: Date): PersonWindow {
  const teams = new Set((person.teams ?? []).map((t) => t.team.toLowerCase()))
  const orgRules = (memberships: { org: string }[]) =>
    roster.orgs.filter((o) => memberships.some((m) => loginKey(m.org) === loginKey(o.login)))
  const strictest = strictestOf(roster, [
    ...orgRules([...person.memberships, ...(person.outside ?? [])]),
    ...roster.teams.filter((t) => teams.has(`${t.org}/${t.slug}`.toLowerCase()))
  ])
  const publicOnly = strictestOf(roster, orgRules(person.memberships.filter((m) => m.public)))
  const warn = Math.min(strictest.warn, strictest.days)
  return {
    days: strictest.days,
    warnBeforeDays: warn,
    since: new Date(now.getTime() - strictest.days * DAY_MS),
    settledAt: new Date(now.getTime() - (strictest.days - warn) * DAY_MS),
    restsOnPublic: publicOnly.days === strictest.days && publicOnly.warn === strictest.warn
  }
}

/** The shortest window among the rules (the roster's own when none applies). */
function strictestOf(
  roster: Roster,
  rules: { inactiveAfterDays: number; warnBeforeDays: number }[]
): { days: number; warn: number } {
  return (
    rules.reduce<{ days: number; warn: number } | null>(
      (best, r) =>
        !best || r.inactiveAfterDays < best.days ? { days: r.inactiveAfterDays, warn: r.warnBeforeDays } : best,
      null
    ) ?? { days: roster.inactiveAfterDays, warn: roster.warnBeforeDays }
  )
}

/** The widest window in the roster, which the activity queries must cover. */
export function widestWindowDays(roster: Roster): number {
  return Math.max(roster.inactiveAfterDays, ...roster.orgs.map((o) => o.inactiveAfterDays))
}
