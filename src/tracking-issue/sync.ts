/**
 * Reads and writes the one tracking issue: found by its hidden marker among issues with its label,
 * created only when someone is to be contacted, updated only when its text changed, closed with a
 * comment when nobody is left, reopened when someone is. GitHub I/O only; the text is body.ts's.
 */
import type { GitHubClient } from '../github/client.js'
import { explain } from '../github/explain.js'
import { InputError } from '../errors.js'
import type { Logger } from '../logger.js'
import type { IssueText } from './body.js'
import { issueMarker, partMarker } from './state.js'

export interface TrackingRepo {
  owner: string
  repo: string
}

export interface ExistingIssue {
  number: number
  url: string
  state: 'open' | 'closed'
  body: string
  /** Continuation comments by part number (2, 3, …). */
  parts: Map<number, { id: number; body: string }>
}

export type IssueAction = 'created' | 'updated' | 'unchanged' | 'closed' | 'reopened' | 'none'

export interface SyncResult {
  action: IssueAction
  number: number | null
  url: string | null
}

interface IssueJson {
  number: number
  html_url: string
  state: 'open' | 'closed'
  body?: string | null
  pull_request?: unknown
}

/**
 * Finds this roster's issue: open ones first, then the most recently closed. Only issues with the
 * roster's first label are listed (all issues when it has none); the marker decides.
 */
export async function findTrackingIssue(
  client: GitHubClient,
  where: TrackingRepo,
  id: string,
  label: string | undefined
): Promise<ExistingIssue | null> {
  const marker = issueMarker(id)
  let issues: IssueJson[]
  try {
    issues = (await client.paginate('GET /repos/{owner}/{repo}/issues', {
      ...where,
      state: 'all',
      ...(label ? { labels: label } : {}),
      per_page: 100
    })) as IssueJson[]
  } catch (error) {
    throw trackingRepoError(where, error, 'read issues in')
  }
  const mine = issues
    .filter((i) => !i.pull_request && (i.body ?? '').includes(marker))
    .sort((a, b) => (a.state === b.state ? b.number - a.number : a.state === 'open' ? -1 : 1))
  const found = mine[0]
  if (!found) return null
  const comments = (await client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...where,
    issue_number: found.number,
    per_page: 100
  })) as { id: number; body?: string }[]
  const parts = new Map<number, { id: number; body: string }>()
  for (const c of comments) {
    const m = /<!-- member-audit:part (\d+) id=/.exec(c.body ?? '')
    if (m && (c.body ?? '').includes(partMarker(id, Number(m[1]))))
      parts.set(Number(m[1]), { id: c.id, body: c.body ?? '' })
  }
  return { number: found.number, url: found.html_url, state: found.state, body: found.body ?? '', parts }
}

export interface SyncInput {
  client: GitHubClient
  where: TrackingRepo
  id: string
  title: string
  labels: string[]
  existing: ExistingIssue | null
  text: IssueText
  /** Whether anyone is to be contacted: decides open or closed. */
  anyoneToContact: boolean
  log: Logger
}

export async function syncTrackingIssue(input: SyncInput): Promise<SyncResult> {
  const { client, where, existing, text, log } = input
  try {
    if (!existing) {
      if (!input.anyoneToContact) return { action: 'none', number: null, url: null }
      // Another run may have created it since we looked (overlapping schedules): look once more.
      const again = await findTrackingIssue(client, where, input.id, input.labels[0])
      if (again) return await syncTrackingIssue({ ...input, existing: again })
      const { data } = await client.request('POST /repos/{owner}/{repo}/issues', {
        ...where,
        title: input.title,
        body: text.body,
        labels: input.labels
      })
      log.info(`Tracking issue created: ${data.html_url}`)
      await writeParts(input, data.number, new Map())
      const kept = await keepOldest(input, data.number)
      return { action: 'created', number: kept.number, url: kept.url }
    }

    if (!input.anyoneToContact) {
      if (existing.state === 'closed') return { action: 'unchanged', number: existing.number, url: existing.url }
      await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        ...where,
        issue_number: existing.number,
        body: text.body
      })
      await writeParts(input, existing.number, existing.parts)
      await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...where,
        issue_number: existing.number,
        body: 'Nobody is left to contact: everyone on the list is active again, exempt, or no longer a member. Closing; the next run reopens this issue if someone becomes inactive.'
      })
      await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        ...where,
        issue_number: existing.number,
        state: 'closed',
        state_reason: 'completed'
      })
      log.info(`Tracking issue closed: ${existing.url}`)
      return { action: 'closed', number: existing.number, url: existing.url }
    }

    const reopen = existing.state === 'closed'
    const partsChanged = await writeParts(input, existing.number, existing.parts)
    if (!reopen && existing.body === text.body) {
      return { action: partsChanged ? 'updated' : 'unchanged', number: existing.number, url: existing.url }
    }
    await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...where,
      issue_number: existing.number,
      body: text.body,
      ...(reopen ? { state: 'open' as const } : {})
    })
    log.info(`Tracking issue ${reopen ? 'reopened' : 'updated'}: ${existing.url}`)
    return { action: reopen ? 'reopened' : 'updated', number: existing.number, url: existing.url }
  } catch (error) {
    throw error instanceof InputError ? error : trackingRepoError(where, error, 'write the tracking issue in')
  }
}

/**
 * Writes continuation comments in place: changed ones updated, new ones created, ones no longer
 * needed emptied to a one-line note (deleting would lose a team member's reply threaded there).
 */
async function writeParts(
  input: SyncInput,
  issueNumber: number,
  existing: Map<number, { id: number; body: string }>
): Promise<boolean> {
  const { client, where, text } = input
  let changed = false
  for (let i = 0; i < text.parts.length; i++) {
    const part = i + 2
    const body = text.parts[i]!
    const old = existing.get(part)
    if (old?.body === body) continue
    changed = true
    if (old)
      await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        ...where,
        comment_id: old.id,
        body
      })
    else
      await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...where,
        issue_number: issueNumber,
        body
      })
  }
  for (const [part, old] of existing) {
    if (part - 2 < text.parts.length) continue
    const body = `${partMarker(input.id, part)}\n\n(This continuation is no longer needed: the list fits above.)`
    if (old.body !== body) {
      changed = true
      await client.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        ...where,
        comment_id: old.id,
        body
      })
    }
  }
  return changed
}

/** After creating: if an overlapping run created one too, keep the oldest and close the others. */
async function keepOldest(input: SyncInput, created: number): Promise<{ number: number; url: string }> {
  const { client, where } = input
  const marker = issueMarker(input.id)
  const label = input.labels[0]
  const open = (
    (await client.paginate('GET /repos/{owner}/{repo}/issues', {
      ...where,
      state: 'open',
      ...(label ? { labels: label } : {}),
      per_page: 100
    })) as IssueJson[]
  )
    .filter((i) => !i.pull_request && (i.body ?? '').includes(marker))
    .sort((a, b) => a.number - b.number)
  const keep = open[0]
  if (!keep || keep.number === created)
    return { number: created, url: open.find((i) => i.number === created)?.html_url ?? '' }
  for (const dup of open.slice(1)) {
    await client.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...where,
      issue_number: dup.number,
      body: `Duplicate of #${keep.number}, created by an overlapping run.`
    })
    await client.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...where,
      issue_number: dup.number,
      state: 'closed',
      state_reason: 'not_planned'
    })
  }
  return { number: keep.number, url: keep.html_url }
}

/** A message that names the tracking repository and what the issue token needs there. */
export function trackingRepoError(where: TrackingRepo, error: unknown, doing: string): Error {
  return explain(error, { kind: 'tracking-repository', repo: `${where.owner}/${where.repo}`, doing })
}
