/**
 * Writes the one tracking issue: created only when someone is to be contacted, written only when
 * its text changed, closed with a comment when nobody is left, reopened when someone is. GitHub
 * I/O only; the text is body.ts's.
 *
 * Writes are ordered so that a failure at any single write loses no tick and no date: new
 * continuation text goes into comments the current body does not name (spare ones, else new
 * ones); then the body is written, naming them — the one write that switches from old to new;
 * only then are the old comments retired. Until the body is written the old text stands whole;
 * after it, the new one does. The action's own comments are the only ones it ever edits.
 */
import type { GitHubClient } from '../github/client.js'
import { InputError } from '../errors.js'
import { explain } from '../github/explain.js'
import type { Logger } from '../logger.js'
import type { Account } from './account.js'
import {
  type ExistingIssue,
  type IssueJson,
  type OwnComment,
  type TrackingRepo,
  findTrackingIssue,
  ownIssues
} from './find.js'
import type { IssueText } from './layout.js'
import { retiredMarker, withPartsIndex } from './markers.js'

type IssueAction = 'created' | 'updated' | 'unchanged' | 'closed' | 'reopened' | 'none'

export interface SyncResult {
  action: IssueAction
  number: number | null
  url: string | null
}

export interface SyncInput {
  client: GitHubClient
  where: TrackingRepo
  id: string
  account: Account
  title: string
  labels: string[]
  existing: ExistingIssue | null
  text: IssueText
  /** Whether anyone is to be contacted: decides open or closed. */
  anyoneToContact: boolean
  log: Logger
}

const CLOSING =
  'Nobody is left to contact: everyone on the list is active again, exempt, or no longer a member. Closing; the next run reopens this issue if someone becomes inactive.'

export async function syncTrackingIssue(input: SyncInput): Promise<SyncResult> {
  try {
    if (!input.existing) return await create(input)
    const { existing } = input
    if (!input.anyoneToContact && existing.state === 'closed')
      return { action: 'unchanged', number: existing.number, url: existing.url }
    const reopen = input.anyoneToContact && existing.state === 'closed'
    const written = await writeGeneration(input, existing, reopen)
    await restoreLabels(input, existing)
    const result = { number: existing.number, url: existing.url }
    if (!input.anyoneToContact) {
      await comment(input, existing.number, CLOSING)
      await patchIssue(input, existing.number, { state: 'closed', state_reason: 'completed' })
      input.log.info(`Tracking issue closed: ${existing.url}`)
      return { action: 'closed', ...result }
    }
    if (written) input.log.info(`Tracking issue ${reopen ? 'reopened' : 'updated'}: ${existing.url}`)
    return { action: reopen ? 'reopened' : written ? 'updated' : 'unchanged', ...result }
  } catch (error) {
    throw error instanceof InputError ? error : trackingRepoError(input.where, error, 'write the tracking issue in')
  }
}

async function create(input: SyncInput): Promise<SyncResult> {
  if (!input.anyoneToContact) return { action: 'none', number: null, url: null }
  // Another run may have created it since we looked (overlapping schedules): look once more.
  const again = await findTrackingIssue(input)
  if (again) return syncTrackingIssue({ ...input, existing: again })
  const { client, where, text } = input
  const { data } = await client.request('POST /repos/{owner}/{repo}/issues', {
    ...where,
    title: input.title,
    body: text.body,
    labels: input.labels
  })
  input.log.info(`Tracking issue created: ${data.html_url}`)
  if (text.parts.length) {
    const fresh: ExistingIssue = {
      number: data.number,
      url: data.html_url,
      state: 'open',
      body: text.body,
      labels: input.labels,
      byAccount: [],
      parts: new Map(),
      spare: []
    }
    await writeGeneration(input, fresh, false)
  }
  const kept = await keepOldest(input, data.number)
  return { action: 'created', number: kept.number, url: kept.url }
}

/** Writes the new text (see the top of this file); false when nothing had changed. */
async function writeGeneration(input: SyncInput, existing: ExistingIssue, reopen: boolean): Promise<boolean> {
  const spare = [...existing.spare]
  const ids: number[] = []
  let changed = false
  for (const [i, body] of input.text.parts.entries()) {
    const current = existing.parts.get(i + 2)
    if (current?.body === body) {
      ids.push(current.id)
      continue
    }
    changed = true
    ids.push(await writeSpare(input, existing.number, spare.shift(), body))
  }
  const body = withPartsIndex(input.text.body, ids)
  changed ||= ids.length !== existing.parts.size
  if (!changed && !reopen && body === existing.body) return false
  await patchIssue(input, existing.number, { body, ...(reopen ? { state: 'open' as const } : {}) })
  const kept = new Set(ids)
  for (const old of existing.parts.values()) if (!kept.has(old.id)) await retire(input, old)
  return true
}

/** Writes `body` into a spare comment of the action's, or a new one; returns its id. */
async function writeSpare(
  input: SyncInput,
  issueNumber: number,
  spare: OwnComment | undefined,
  body: string
): Promise<number> {
  const { client, where } = input
  if (spare) {
    await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
      ...where,
      comment_id: spare.id,
      body
    })
    return spare.id
  }
  const { data } = await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...where,
    issue_number: issueNumber,
    body
  })
  return Number(data.id)
}

/** A continuation no longer needed keeps its place (deleting would lose a reply threaded there) and can be written again. */
async function retire(input: SyncInput, old: OwnComment): Promise<void> {
  const body = `${retiredMarker(input.id)}\n\n(This continuation is no longer needed: the list fits above.)`
  if (old.body === body) return
  await input.client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
    ...input.where,
    comment_id: old.id,
    body
  })
}

/** Labels a triager removed are put back (the issue was found by its author, not its label). */
async function restoreLabels(input: SyncInput, existing: ExistingIssue): Promise<void> {
  const missing = input.labels.filter((l) => !existing.labels.some((x) => x.toLowerCase() === l.toLowerCase()))
  if (missing.length === 0) return
  await input.client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
    ...input.where,
    issue_number: existing.number,
    labels: missing
  })
  input.log.info(
    `Tracking issue #${existing.number}: label${missing.length === 1 ? '' : 's'} ${missing.join(', ')} put back.`
  )
}

async function patchIssue(input: SyncInput, issueNumber: number, fields: Record<string, string>): Promise<void> {
  await input.client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
    ...input.where,
    issue_number: issueNumber,
    ...fields
  })
}

async function comment(input: SyncInput, issueNumber: number, body: string): Promise<void> {
  await input.client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...input.where,
    issue_number: issueNumber,
    body
  })
}

/** After creating: if an overlapping run created one too, keep the oldest and close the others. */
async function keepOldest(input: SyncInput, created: number): Promise<{ number: number; url: string }> {
  const open = (await input.client.paginate('GET /repos/{owner}/{repo}/issues', {
    ...input.where,
    state: 'open',
    creator: input.account.login,
    per_page: 100
  })) as IssueJson[]
  const mine = ownIssues(open, input.id, input.account).sort((a, b) => a.number - b.number)
  const keep = mine[0]
  if (!keep || keep.number === created)
    return { number: created, url: mine.find((i) => i.number === created)?.html_url ?? '' }
  for (const dup of mine.slice(1)) {
    await comment(input, dup.number, `Duplicate of #${keep.number}, created by an overlapping run.`)
    await patchIssue(input, dup.number, { state: 'closed', state_reason: 'not_planned' })
  }
  return { number: keep.number, url: keep.html_url }
}

/** A message that names the tracking repository and what the issue token needs there. */
export function trackingRepoError(where: TrackingRepo, error: unknown, doing: string): Error {
  return explain(error, { kind: 'tracking-repository', repo: `${where.owner}/${where.repo}`, doing })
}
