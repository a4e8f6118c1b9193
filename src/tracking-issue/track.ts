/**
 * The tracking issue's part of a run: who the action is, what its own issue remembers, the
 * contact plan, the text, and the write — unless this is a dry run, or the run was incomplete
 * (then the list is left as it was and one comment says why).
 */
import type { GitHubClient } from '../github/client.js'
import { isPublicRepository } from '../github/repository.js'
import { ReadOnce } from '../github/read-once.js'
import type { Logger } from '../logger.js'
import type { Roster } from '../roster/roster.js'
import { disclosureFor } from '../text/disclosure.js'
import { isoDay } from '../verdicts/days.js'
import type { AuditResult } from '../verdicts/result.js'
import { type Recalled, keepMemory, recall } from '../memory/recall.js'
import { type Account, accountNamed, isAccount, isOneOf, readActionAccount, trustedWriters } from './account.js'
import { type IssueText, renderIssue } from './body.js'
import { type ExistingIssue, type TrackingRepo, findTrackingIssue } from './find.js'
import { type ContactPlan, planContacts } from './plan.js'
import { readRecords } from './state.js'
import { type SyncResult, syncTrackingIssue, trackingRepoError } from './write.js'

export type { TrackingRepo } from './find.js'

export interface TrackDeps {
  client: GitHubClient
  /** What the run reads once with `client` (github/read-once.ts); a new one when not given. */
  reads?: ReadOnce
  where: TrackingRepo
  /** The issue's identity (issue-id.ts). */
  id: string
  roster: Roster
  result: AuditResult
  serverUrl: string
  dryRun: boolean
  /** Why the run is incomplete, if it is: the list is then left alone. */
  incomplete: string | null
  log: Logger
  /** The issue token's account, when the preflight has read it already. */
  account?: Account
  /** The snapshot-key: it seals the run memory (memory/store.ts); none, no memory. */
  secret?: string
}

export interface TrackOutcome {
  sync: SyncResult
  plan: ContactPlan
  text: IssueText
  /** What was not done and why (dry run, incomplete run). */
  held: string | null
  /** The tracking repository is public, so the text names no one without a public membership. */
  issueIsPublic: boolean
  /** The run memory's one line when it was not read (no key, another key, none found), else null. */
  memoryNotice?: string | null
}

export async function keepTrackingIssue(deps: TrackDeps): Promise<TrackOutcome> {
  const { client, where, roster, result, id } = deps
  const settings = roster.trackingIssue
  const today = isoDay(result.now)
  const repo = `${where.owner}/${where.repo}`
  const account = deps.account ?? (await readActionAccount(client, repo))
  const trusted = trustedWriters(account, settings.writers)
  const existing = await findTrackingIssue({
    client,
    where,
    id,
    account,
    trusted,
    labels: settings.labels,
    log: deps.log
  }).catch((error: unknown) => {
    throw trackingRepoError(where, error, 'read issues in')
  })
  const texts = existing ? [existing.body, ...[...existing.parts.values()].map((p) => p.body)] : []
  const recalled = recall(deps.secret, id, existing, result, roster, today)
  if (recalled.notice) deps.log.info(recalled.notice)
  const plan = planContacts(readRecords(texts, today), result.verdicts, today, settings.graceDays)
  const issueIsPublic = await isPublicRepository(deps.reads ?? new ReadOnce(client), repo)
  const context = { id, serverUrl: deps.serverUrl, today, mention: settings.mention, graceDays: settings.graceDays }
  const text = renderIssue(plan, result, { ...context, disclosure: disclosureFor(result, issueIsPublic) })
  const current: SyncResult = { action: 'none', number: existing?.number ?? null, url: existing?.url ?? null }
  const held = (why: string): TrackOutcome => ({
    sync: current,
    plan,
    text,
    held: why,
    issueIsPublic,
    memoryNotice: recalled.notice
  })

  if (deps.dryRun) return held('dry run: nothing was written')
  if (existing && !mayWrite(existing, account, settings.writers, deps.log)) return held(NOT_A_WRITER)
  if (deps.incomplete) {
    if (existing) await commentIncomplete(deps, existing.number, today)
    return held('incomplete run: the list was left as it was')
  }
  const anyoneToContact = plan.toContact.length > 0
  const sync = await syncTrackingIssue({
    client,
    where,
    id,
    account,
    title: settings.title,
    labels: settings.labels,
    existing,
    text,
    anyoneToContact,
    log: deps.log
  })
  await keepMemoryOn(deps, sync.number ?? existing?.number ?? null, recalled)
  return { sync, plan, text, held: null, issueIsPublic, memoryNotice: recalled.notice }
}

/** One comment on the issue: this run was incomplete, and the list is left as it was. */
async function commentIncomplete(deps: TrackDeps, issueNumber: number, today: string): Promise<void> {
  const { client, where } = deps
  const body = `The run of ${today} was incomplete: ${deps.incomplete} The list above is left as it was; the next complete run updates it.`
  await client
    .request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...where, issue_number: issueNumber, body })
    .catch((error: unknown) => {
      throw trackingRepoError(where, error, 'comment on the tracking issue in')
    })
}

/** The run memory, on the issue once there is one (a run with nobody to contact and no issue keeps none yet). */
async function keepMemoryOn(deps: TrackDeps, issueNumber: number | null, recalled: Recalled): Promise<void> {
  if (issueNumber === null || !deps.secret) return
  const at = { client: deps.client, where: deps.where, issueNumber, secret: deps.secret, id: deps.id }
  await keepMemory(at, recalled).catch((error: unknown) => {
    throw trackingRepoError(deps.where, error, 'write the run memory on the tracking issue in')
  })
}

const NOT_A_WRITER = "not written: the issue token's account is not in tracking-issue.writers"

/**
 * Whether this run may write an issue that `author` opened: its own, or — since runs as the
 * other writers read only what the listed accounts write — when its account is listed too.
 * Writing otherwise would leave text (continuation comments) the scheduled runs ignore.
 */
function mayWrite(existing: ExistingIssue, account: Account, writers: readonly string[], log: Logger): boolean {
  const { author } = existing
  if (!author || isAccount(author, account) || isOneOf(account, writers.map(accountNamed))) return true
  log.warning(
    `Tracking issue #${existing.number} was opened by ${author.login}, and the issue token's account is not in tracking-issue.writers: runs as ${author.login} would not read what it wrote, so nothing is written to the tracking issue. To let this token write it, add its account to tracking-issue.writers (SECURITY.md, "Whose writes count").`
  )
  return false
}

/** `owner/name` → the two parts, or null. */
export function parseRepository(fullName: string | null | undefined): TrackingRepo | null {
  const m = /^([^/\s]+)\/([^/\s]+)$/.exec(fullName ?? '')
  return m ? { owner: m[1]!, repo: m[2]! } : null
}
