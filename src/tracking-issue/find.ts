/**
 * Finds this roster's tracking issue and reads it as the action's own memory. Only an issue one
 * of the trusted writers opened counts (the issue token's account and the roster's
 * `tracking-issue.writers`; account.ts), and of its comments only the ones they wrote: anyone who
 * can comment can copy a marker, and anyone with triage can add or remove a label, so neither a
 * marker nor a label proves anything. The issue is found even when its label was removed (by its
 * creator), and a look-alike by another author is named in the log and ignored.
 */
import type { GitHubClient } from '../github/client.js'
import type { Logger } from '../logger.js'
import { type Account, type Author, isAccount, isOneOf } from './account.js'
import { issueMarker, partNumberOf, partsIndexOf, retiredMarker } from './markers.js'

export interface TrackingRepo {
  owner: string
  repo: string
}

export interface OwnComment {
  id: number
  body: string
}

export interface ExistingIssue {
  number: number
  url: string
  state: 'open' | 'closed'
  body: string
  labels: string[]
  /** The current continuation comments by part number (2, 3, …), all the action's own. */
  parts: Map<number, OwnComment>
  /** The action's own continuation comments that are not current: free to be written again. */
  spare: OwnComment[]
  /** Every comment the issue token's account wrote (the run memory's store, memory/store.ts). */
  byAccount: OwnComment[]
  /** Who opened it: one of the trusted writers. */
  author?: Author
}

export interface IssueJson {
  number: number
  html_url: string
  state: 'open' | 'closed'
  body?: string | null
  pull_request?: unknown
  user?: Author | null
  labels?: (string | { name?: string })[]
}

interface CommentJson {
  id: number
  body?: string
  user?: Author | null
}

export interface FindInput {
  client: GitHubClient
  where: TrackingRepo
  id: string
  account: Account
  /** The accounts whose writes count as the action's own (account.ts, trustedWriters); default the account alone. */
  trusted?: Account[]
  labels: string[]
  log: Logger
}

/** This roster's issue among `issues`: a trusted writer's with the marker, open ones first, then the newest. */
export function ownIssues(issues: IssueJson[], id: string, writers: Account | Account[]): IssueJson[] {
  const marker = issueMarker(id)
  const trusted = Array.isArray(writers) ? writers : [writers]
  return issues
    .filter((i) => !i.pull_request && (i.body ?? '').includes(marker) && isOneOf(i.user, trusted))
    .sort((a, b) => (a.state === b.state ? b.number - a.number : a.state === 'open' ? -1 : 1))
}

export async function findTrackingIssue(input: FindInput): Promise<ExistingIssue | null> {
  const { client, where, id, account, log } = input
  const writers = input.trusted ?? [account]
  const list = async (filter: Record<string, string>): Promise<IssueJson[]> =>
    (await client.paginate('GET /repos/{owner}/{repo}/issues', {
      ...where,
      state: 'all',
      per_page: 100,
      ...filter
    })) as IssueJson[]
  const label = input.labels[0]
  const labelled = label ? await list({ labels: label }) : []
  for (const other of labelled.filter((i) => (i.body ?? '').includes(issueMarker(id)) && !isOneOf(i.user, writers))) {
    log.info(
      `Ignoring issue #${other.number}: it carries this roster's marker but was opened by ${other.user?.login ?? 'someone else'}, not by the action's account or an account of tracking-issue.writers.`
    )
  }
  // Without its label (removed by a triager, or never set) the issue is still found, by each trusted writer in turn.
  let found = ownIssues(labelled, id, writers)[0]
  for (const writer of writers) found ??= ownIssues(await list({ creator: writer.login }), id, writers)[0]
  if (!found) return null
  const comments = (await client.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    ...where,
    issue_number: found.number,
    per_page: 100
  })) as CommentJson[]
  const own = comments.filter((c) => isOneOf(c.user, writers)).map((c) => ({ id: c.id, body: c.body ?? '' }))
  return {
    number: found.number,
    url: found.html_url,
    state: found.state,
    body: found.body ?? '',
    labels: labelNames(found),
    ...continuation(found.body ?? '', own, id),
    byAccount: comments.filter((c) => isAccount(c.user, account)).map((c) => ({ id: c.id, body: c.body ?? '' })),
    ...(found.user ? { author: found.user } : {})
  }
}

function labelNames(issue: IssueJson): string[] {
  return (issue.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? '')))
}

/**
 * Which of the action's comments continue the body: the ones its index names, in that order; a
 * body written before the index had one takes the own comments with part markers. The rest of the
 * action's continuation comments are spare.
 */
function continuation(body: string, own: OwnComment[], id: string): Pick<ExistingIssue, 'parts' | 'spare'> {
  const index = partsIndexOf(body)
  const parts = new Map<number, OwnComment>()
  const ours = own.filter((c) => partNumberOf(id, c.body) !== null || c.body.includes(retiredMarker(id)))
  if (index) {
    index.forEach((commentId, i) => {
      const comment = ours.find((c) => c.id === commentId)
      if (comment) parts.set(i + 2, comment)
    })
  } else {
    for (const c of ours) {
      const part = partNumberOf(id, c.body)
      if (part !== null && !parts.has(part)) parts.set(part, c)
    }
  }
  const current = new Set([...parts.values()].map((c) => c.id))
  return { parts, spare: ours.filter((c) => !current.has(c.id)) }
}
