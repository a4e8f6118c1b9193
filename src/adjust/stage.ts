/**
 * The apply stage (mode: apply), after the tracking issue is written: the tracking issue's
 * comments → commands → approvers → a fresh check of the approved people → who may be adjusted
 * (at most max-per-run) → snapshot, record, change; reinstatements; and first of all, whatever an
 * earlier run left unfinished. Nothing is written to an organization before a verified approval
 * of someone contacted and due, and never before the record of what is about to change.
 */
import { isPublicRepository } from '../github/repository.js'
import { ReadOnce } from '../github/read-once.js'
import type { Person } from '../members/people.js'
import { adjustmentIn } from '../roster/adjust.js'
import { loginKey } from '../roster/roster.js'
import { findTrackingIssue } from '../tracking-issue/find.js'
import { readRecords } from '../tracking-issue/state.js'
import { isoDay } from '../verdicts/days.js'
import { checkApprovers } from './approvers.js'
import { type Command, mentionsCommand, readCommands } from './commands.js'
import type { EntryDeps } from './entries.js'
import { checkNow } from './eligible-now.js'
import { type ApplyOutcome, type ApplyRefusal, nothingApplied } from './outcome.js'
import { adjustPerson, reinstatePerson } from './person.js'
import { PrivilegeReader } from './privileges.js'
import { type HeldLock, takeLock } from './lock.js'
import { resumeUnfinished } from './resume.js'
import type { ApplyDeps, StageContext } from './context.js'
import { type StoreAt, readStore, writeLedger } from './store.js'
import { IN_THE_BODY } from './refusals.js'

export interface ApplyResult extends ApplyOutcome {
  /** The people the stage looked at, for the disclosure of its public texts. */
  people: Person[]
}

export async function adjustApproved(deps: ApplyDeps): Promise<ApplyResult> {
  const { issueClient: client, where, id, account, roster, log } = deps
  const issue = await findTrackingIssue({ client, where, id, account, labels: roster.trackingIssue.labels, log })
  if (!issue) return { ...nothingApplied(deps.dryRun, 'No tracking issue yet: nothing to apply.'), people: [] }
  if (deps.commentOnIssue !== undefined && deps.commentOnIssue !== issue.number)
    return { ...nothingApplied(deps.dryRun, 'The comment is not on the tracking issue: nothing to do.'), people: [] }
  // A dry run writes nothing and takes no lock; every other run reads the store only once it holds it.
  const scale = deps.waitScale ?? 1
  const lock = deps.dryRun
    ? null
    : await takeLock({ client, where, id, now: deps.clock, log, waitMs: 300_000 * scale, pollMs: 30_000 * scale })
  if (lock && 'busy' in lock) {
    log.warning(lock.busy)
    return { ...nothingApplied(deps.dryRun, lock.busy), people: [] }
  }
  try {
    return await applyLocked(deps, issue, lock)
  } finally {
    await lock?.release()
  }
}

/** The stage once this run holds the lock (null: a dry run). */
async function applyLocked(
  deps: ApplyDeps,
  issue: NonNullable<Awaited<ReturnType<typeof findTrackingIssue>>>,
  lock: HeldLock | null
): Promise<ApplyResult> {
  const { issueClient: client, where, id, account, roster, log } = deps
  const at: StoreAt = { client, where, issueNumber: issue.number, account, secret: deps.secret, id }
  const store = await readStore(at)
  const reader = new PrivilegeReader(deps.client)
  const people = new Map<string, Person>(deps.known)
  const entryDeps: EntryDeps = {
    client: deps.client,
    at,
    reader,
    dryRun: deps.dryRun,
    log,
    issueIsPublic: await isPublicRepository(deps.issueReads ?? new ReadOnce(client), `${where.owner}/${where.repo}`),
    logIsPublic: deps.logIsPublic,
    named: (login, org) =>
      Boolean(people.get(loginKey(login))?.memberships.some((m) => loginKey(m.org) === loginKey(org) && m.public)),
    alumniSlug: (org) => {
      const team = adjustmentIn(roster.adjust!, org).alumniTeam
      return team && loginKey(team.org) === loginKey(org) ? team.slug : undefined
    },
    ...(lock ? { beforeChange: () => lock.renew() } : {})
  }
  const outcome: ApplyOutcome = nothingApplied(deps.dryRun, null)
  const texts = [issue.body, ...[...issue.parts.values()].map((p) => p.body)]
  const context = { deps, entryDeps, store, outcome, people, records: readRecords(texts, isoDay(deps.now)) }
  await resumeUnfinished(context)
  const read = readCommands(store.comments, store.ledger.seen, account.login)
  const approved = await checkApprovers({
    client: deps.client,
    approvers: roster.adjust!.approvers,
    commands: read.commands,
    bindings: store.ledger.approvers,
    log
  })
  outcome.refused.push(...bodyCommands(issue.body), ...read.refused, ...approved.refused)
  const handled = new Set([...read.refused, ...approved.refused].map((r) => r.commentId))
  for (const commentId of await carryOut(context, approved.commands)) handled.add(commentId)
  const fresh = [...handled].filter((c) => !store.ledger.seen.has(c))
  if ((fresh.length || approved.bound) && !deps.dryRun) {
    for (const c of fresh) store.ledger.seen.add(c)
    store.ledger.approvers = approved.bindings
    await writeLedger(at, store.ledger)
  }
  return { ...outcome, people: [...people.values()] }
}

/** Each approved command, approvals within max-per-run; returns the comments fully handled. */
async function carryOut(ctx: StageContext, commands: Command[]): Promise<number[]> {
  const { deps, outcome } = ctx
  const rule = deps.roster.adjust!
  const reinstate = commands.filter((c) => c.verb === 'reinstate')
  for (const c of reinstate) for (const login of c.logins) await reinstatePerson(ctx, c, login)
  // A comment that named more than max-per-run people: those it already adjusted are not asked about again.
  const doneBy = new Set(ctx.store.entries.map(({ entry }) => `${entry.commentId} ${loginKey(entry.login)}`))
  const approvals = commands
    .filter((c) => c.verb === 'approve')
    .flatMap((c) => c.logins.map((login) => ({ c, login })))
    .filter((a) => !doneBy.has(`${a.c.commentId} ${loginKey(a.login)}`))
  const first = new Map<string, { c: Command; login: string }>()
  for (const a of approvals) if (!first.has(loginKey(a.login))) first.set(loginKey(a.login), a)
  const now = [...first.values()].slice(0, rule.maxPerRun)
  const later = [...first.values()].slice(rule.maxPerRun)
  outcome.deferred.push(...later.map((a) => a.login))
  const refuse = (a: { c: Command; login: string }, reason: string): void =>
    void outcome.refused.push({ commentId: a.c.commentId, by: a.c.by, login: a.login, reason: `${a.login}: ${reason}` })
  const checked = await checkNow(
    ctx,
    now.map((a) => a.login)
  )
  for (const a of now) {
    const { person, why } = checked.get(loginKey(a.login))!
    if (why) refuse(a, why)
    else await adjustPerson(ctx, a.c, person)
  }
  const deferredComments = new Set(later.map((a) => a.c.commentId))
  return commands.map((c) => c.commentId).filter((id) => !deferredComments.has(id))
}

/**
 * A command written into the issue body (which anyone with write access can edit, and the action
 * rewrites) never counts; it is reported, run after run, until it is taken out. Its id is 0.
 */
function bodyCommands(body: string): ApplyRefusal[] {
  return mentionsCommand(body)
    ? [
        {
          commentId: 0,
          by: 'the issue body',
          reason: IN_THE_BODY
        }
      ]
    : []
}
