/**
 * The fresh check made right before anyone is adjusted: the approved people's memberships read
 * again, and their activity asked again through the activity stage (for them alone), classified
 * as the audit does. An approval given while someone was inactive must not adjust them once they
 * are back. GitHub I/O, then the verdicts stage's pure rules.
 */
import { type ActivityDeps, readActivity } from '../activity/stage.js'
import type { Person } from '../members/people.js'
import { loginKey } from '../roster/roster.js'
import { type Verdict, classify } from '../verdicts/classify.js'
import { isoDay } from '../verdicts/days.js'
import { exemptionFor } from '../verdicts/exemptions.js'
import type { PrivilegeReader } from './privileges.js'

/**
 * The people as they are now: a member of which audited organizations, with which role. What the
 * audit of this run knew (public memberships, audited teams, account type) is kept; for someone it
 * did not see (the comment-triggered path runs no audit) GitHub is asked which memberships are
 * public, and they are held to the organizations' windows (an audited team's shorter one can only
 * refuse more, never less).
 */
export async function peopleNow(
  logins: string[],
  orgs: string[],
  reader: PrivilegeReader,
  known: ReadonlyMap<string, Person>
): Promise<Person[]> {
  const people: Person[] = []
  for (const login of logins) {
    const before = known.get(loginKey(login))
    const memberships: Person['memberships'] = []
    let id = before?.id
    for (const org of orgs) {
      const now = await reader.standing(org, login)
      if (now.standing !== 'active') continue
      id ??= now.accountId
      const seen = before?.memberships.find((m) => loginKey(m.org) === loginKey(org))
      // Unseen by this run (the comment path): asked, since a public issue adjusts public memberships only.
      const isPublic = seen ? seen.public : await reader.isPublicMember(org, login)
      memberships.push({ org, role: now.role ?? 'member', public: isPublic })
    }
    people.push({
      login: before?.login ?? login,
      key: loginKey(login),
      type: before?.type ?? (login.toLowerCase().endsWith('[bot]') ? 'Bot' : 'User'),
      memberships,
      ...(id !== undefined ? { id } : {}),
      ...(before?.teams ? { teams: before.teams } : {})
    })
  }
  return people
}

/** Each member's verdict from activity read right now. */
export async function freshVerdicts(people: Person[], deps: ActivityDeps): Promise<Map<string, Verdict>> {
  const members = people.filter((p) => p.memberships.length > 0)
  const verdicts = new Map<string, Verdict>()
  if (!members.length) return verdicts
  const activity = await readActivity(members, deps)
  const today = isoDay(deps.now)
  for (const person of members) {
    const found = activity.findings.get(person.key)!
    verdicts.set(
      person.key,
      classify(
        person,
        activity.windows.get(person.key)!,
        found.latest,
        found.errors,
        exemptionFor(person, deps.roster, today)
      )
    )
  }
  return verdicts
}
