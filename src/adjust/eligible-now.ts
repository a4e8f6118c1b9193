/**
 * Whether people may be adjusted right now: their memberships read again and their activity asked
 * again (fresh-check.ts), then every condition of refusals.ts (personRefusal). The one check made before any
 * adjustment is started, and before an interrupted one is finished. GitHub I/O, then pure rules.
 */
import { type Person, isBot } from '../members/people.js'
import { isoDay } from '../verdicts/days.js'
import { personRefusal } from './refusals.js'
import { freshVerdicts, peopleNow } from './fresh-check.js'
import type { StageContext } from './context.js'

export interface CheckedNow {
  person: Person
  /** Why they may not be adjusted now, or null. */
  why: string | null
}

/** Each login's person as read now, with why they may not be adjusted (null: they may), by key. */
export async function checkNow(ctx: StageContext, logins: string[]): Promise<Map<string, CheckedNow>> {
  const { deps } = ctx
  const orgs = deps.roster.orgs.map((o) => o.login)
  const checked = await peopleNow(logins, orgs, ctx.entryDeps.reader, ctx.people)
  for (const p of checked) ctx.people.set(p.key, mergeKnown(ctx.people.get(p.key), p))
  const verdicts = await freshVerdicts(checked, {
    ...deps.activity,
    client: deps.client,
    roster: deps.roster,
    now: deps.now,
    log: deps.log
  })
  const result = new Map<string, CheckedNow>()
  for (const person of checked) {
    const verdict = verdicts.get(person.key)
    if (!verdict) {
      result.set(person.key, { person, why: 'not a member of any audited organization' })
      continue
    }
    const record = ctx.records.get(person.key)
    // The issue's line is about the account flagged: another account holding the login now was never contacted.
    const other = record?.accountId !== undefined && person.id !== undefined && record.accountId !== person.id
    const contactedOn = other ? undefined : record?.contactedOn
    const why = personRefusal(
      { login: person.login, status: verdict.status, bot: isBot(person), ...(contactedOn ? { contactedOn } : {}) },
      isoDay(deps.now),
      deps.roster.trackingIssue.graceDays,
      deps.tokenAccount
    )
    result.set(person.key, { person, why })
  }
  return result
}

/** The audit's view of a person (public memberships) where it had one, with the memberships read now. */
function mergeKnown(before: Person | undefined, now: Person): Person {
  return before ? { ...before, memberships: now.memberships.length ? now.memberships : before.memberships } : now
}
