/**
 * The verdicts stage: each person's status from what the activity stage found, their window and
 * their exemption, and the result every report reads. Pure.
 */
import type { ActivityOutcome } from '../activity/stage.js'
import type { Audience } from '../members/audience.js'
import type { Roster } from '../roster/roster.js'
import { loginKey } from '../roster/roster.js'
import { classify } from './classify.js'
import { orgResults } from './completeness.js'
import { isoDay } from './days.js'
import { exemptionFor } from './exemptions.js'
import type { AuditResult } from './result.js'

export function judge(audience: Audience, activity: ActivityOutcome, roster: Roster, now: Date): AuditResult {
  const today = isoDay(now)
  const allVerdicts = audience.checked.map((person) => {
    const found = activity.findings.get(person.key)!
    return classify(
      person,
      activity.windows.get(person.key)!,
      found.latest,
      found.errors,
      exemptionFor(person, roster, today)
    )
  })
  // Outside collaborators who are no member have a section of their own, not a place among members.
  const verdicts = allVerdicts.filter((v) => v.person.memberships.length > 0)
  const byKey = new Map(audience.everyone.map((p) => [p.key, p]))
  return {
    now,
    windowDays: activity.windowDays,
    since: activity.since,
    orgs: orgResults(roster, audience.memberLists, verdicts),
    verdicts,
    skippedBots: audience.skippedBots,
    teams: audience.teams.map((t) => ({
      team: `${t.rule.org}/${t.rule.slug}`,
      windowDays: t.rule.inactiveAfterDays,
      members: [...t.members].map(([key, maintainer]) => ({ login: byKey.get(key)?.login ?? key, maintainer }))
    })),
    invitations: audience.invitations,
    twoFactorDisabled: audience.twoFactorDisabled,
    danglingExemptions: roster.exemptions.filter((e) => !byKey.has(loginKey(e.login))),
    outsideCollaborators: roster.include.outsideCollaborators
      ? allVerdicts.filter((v) => v.person.outside?.length)
      : null,
    outsideNotChecked: audience.outsideNotChecked,
    budgetWarning: activity.budgetWarning,
    privateRepositories: []
  }
}
