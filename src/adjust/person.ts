/**
 * One approved person, one reinstated person: the journal entries to make for them, organization
 * by organization. An approval counts only for the person's state after it: an approval older
 * than their last adjustment or reinstatement (one replayed, or already carried out) changes
 * nothing. The last owner's plan is refused (snapshot.ts).
 */
import type { Person } from '../members/people.js'
import { adjustmentIn } from '../roster/adjust.js'
import { loginKey } from '../roster/roster.js'
import { accountNow } from './approvers.js'
import type { Command } from './commands.js'
import { heldNow, runEntry } from './entries.js'
import type { JournalEntry } from './journal.js'
import { NOT_HERE_REASON } from './outcome.js'
import { type Snapshot, adjustmentPlan, restorePlan } from './snapshot.js'
import type { StageContext } from './context.js'
import type { StoredEntry } from './store.js'
import { changeRefusal, reinstateRefusal, undoRefusal } from './refusals.js'

/** A person as a command names them: the login, and the account holding it now (null: unknown). */
interface Who {
  login: string
  id: number | null
}

/** Whether an entry is about this account: by id where both are known, else by login. */
function about(entry: JournalEntry, who: Who): boolean {
  return entry.accountId !== undefined && who.id !== null
    ? entry.accountId === who.id
    : loginKey(entry.login) === loginKey(who.login)
}

/** The person's last entry in each organization, by lower-case organization. */
function lastEntries(ctx: StageContext, who: Who): Map<string, JournalEntry> {
  const last = new Map<string, JournalEntry>()
  for (const { entry } of ctx.store.entries) if (about(entry, who)) last.set(loginKey(entry.org), entry)
  return last
}

function refuse(ctx: StageContext, c: Command, login: string, reason: string, org?: string): void {
  ctx.outcome.refused.push({
    commentId: c.commentId,
    by: c.by,
    login,
    ...(org ? { org } : {}),
    reason: `${login}: ${reason}`
  })
}

async function record(ctx: StageContext, entry: JournalEntry): Promise<void> {
  const stored: StoredEntry = { commentId: null, entry }
  if (!ctx.deps.dryRun) ctx.store.entries.push(stored)
  ctx.outcome.touched.push(await runEntry(ctx.entryDeps, stored))
}

function entryFor(c: Command, kind: JournalEntry['kind'], snapshot: Snapshot): Omit<JournalEntry, 'calls'> {
  return {
    kind,
    login: snapshot.login,
    org: snapshot.org,
    approvedBy: c.by,
    commentId: c.commentId,
    at: c.at,
    snapshot,
    done: 0
  }
}

/** Snapshot, plan and change in each organization the person is a member of. */
export async function adjustPerson(ctx: StageContext, c: Command, person: Person): Promise<void> {
  const { reader } = ctx.entryDeps
  const rule = ctx.deps.roster.adjust!
  for (const m of person.memberships) {
    // A public issue's record of a concealed membership would sit beside the person's public one,
    // citing the same approval: it is never adjusted from here (README, "Who is adjusted").
    if (ctx.entryDeps.issueIsPublic && !m.public) {
      ctx.outcome.notHere.push({
        commentId: c.commentId,
        by: c.by,
        login: person.login,
        org: m.org,
        reason: NOT_HERE_REASON
      })
      continue
    }
    const last = lastEntries(ctx, { login: person.login, id: null }).get(loginKey(m.org))
    const notNow = changeRefusal(m.org, c, last)
    if (notNow) {
      refuse(ctx, c, person.login, notNow, m.org)
      continue
    }
    const held = await reader.read(m.org, person.login)
    if (held.standing !== 'active' || !held.role) continue
    const snapshot: Snapshot = {
      org: m.org,
      login: person.login,
      role: held.role,
      teams: held.teams,
      repos: held.repos,
      at: ctx.deps.now.toISOString()
    }
    const owners = held.role === 'admin' ? await reader.owners(m.org) : 0
    const plan = adjustmentPlan(snapshot, adjustmentIn(rule, m.org), owners)
    if ('refused' in plan) refuse(ctx, c, person.login, plan.refused, m.org)
    else
      await record(ctx, {
        ...entryFor(c, 'adjust', snapshot),
        ...(held.accountId !== undefined ? { accountId: held.accountId } : {}),
        calls: plan.calls
      })
  }
}

/**
 * The snapshot to restore in each organization whose last entry is an adjustment: the one taken
 * before the *first* change since the last reinstatement. Snapshots are never overwritten: a later
 * adjustment's snapshot (one started again after an unfinished one, or by a run that overlapped
 * another before the lock) holds what was left after the first, not what the person had.
 */
function toRestore(ctx: StageContext, who: Who): JournalEntry[] {
  const first = new Map<string, JournalEntry>()
  for (const { entry } of ctx.store.entries) {
    if (!about(entry, who)) continue
    const org = loginKey(entry.org)
    if (entry.kind === 'reinstate') first.delete(org)
    else if (!first.has(org)) first.set(org, entry)
  }
  const last = lastEntries(ctx, who)
  return [...first.entries()].flatMap(([org, entry]) =>
    last.get(org)?.kind === 'adjust' ? [{ ...entry, at: last.get(org)!.at }] : []
  )
}

/**
 * The snapshot of each organization's adjustment restored: invited first when no longer a member.
 * The login named is resolved to the account holding it now (`GET /users/{username}`): only the
 * account that was adjusted is reinstated, under its current login — never whoever registered a
 * login it gave up.
 */
export async function reinstatePerson(ctx: StageContext, c: Command, named: string): Promise<void> {
  const who = await accountNow(ctx.deps.client, named)
  const login = who.id === null ? named : who.login
  const adjusted = who.id === null ? [] : toRestore(ctx, who)
  const none = reinstateRefusal({
    accountNow: who.id !== null,
    toUndo: adjusted.length,
    ofAnotherAccount: ctx.store.entries.some(
      ({ entry }) => entry.kind === 'adjust' && about(entry, { login, id: null })
    )
  })
  if (none) return refuse(ctx, c, login, none)
  for (const recorded of adjusted) {
    const before = { ...recorded, snapshot: { ...recorded.snapshot, login } }
    const tooOld = undoRefusal(before.org, c, before.at)
    if (tooOld) {
      refuse(ctx, c, login, tooOld, before.org)
      continue
    }
    const { standing } = await ctx.entryDeps.reader.standing(before.org, login)
    const held =
      standing === 'active' ? await heldNow(ctx.entryDeps, { org: before.org, login }) : { teams: [], repos: {} }
    const plan = restorePlan(before.snapshot, standing, held, ctx.entryDeps.alumniSlug(before.org))
    await record(ctx, {
      ...entryFor(c, 'reinstate', before.snapshot),
      ...(before.accountId !== undefined ? { accountId: before.accountId } : {}),
      calls: plan.calls,
      ...(plan.waiting ? { waiting: true } : {})
    })
  }
}
