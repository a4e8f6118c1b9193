/**
 * Reading one user's part of the UserActivity answer (user-activity-query.ts builds the document):
 * evidence list by list, and whether each list was cut off before it could show the latest act.
 * Pure.
 */
import type { Evidence } from './evidence.js'
import { COMMIT_REPOSITORIES } from './user-activity-query.js'

interface Repo {
  nameWithOwner: string
  isPrivate: boolean
}
interface Page<T> {
  nodes?: (T | null)[] | null
  pageInfo?: { hasNextPage?: boolean; hasPreviousPage?: boolean }
}
interface Contributions {
  issueContributions?: Page<{ occurredAt: string; isRestricted: boolean; issue?: { url: string; repository: Repo } }>
  pullRequestContributions?: Page<{
    occurredAt: string
    isRestricted: boolean
    pullRequest?: { url: string; repository: Repo }
  }>
  pullRequestReviewContributions?: Page<{
    occurredAt: string
    isRestricted: boolean
    pullRequestReview?: { url: string }
    repository?: Repo
  }>
  repositoryContributions?: Page<{ occurredAt: string; isRestricted: boolean; repository?: Repo & { url?: string } }>
  commitContributionsByRepository?: { repository: Repo; contributions: Page<{ occurredAt: string; url: string }> }[]
}
type Created = { createdAt: string; url: string }
export interface UserActivityData {
  login: string
  /** `cc0`, `cc1`, …: one contributions collection per span. */
  [span: `cc${number}`]: Contributions | undefined
  issueComments?: Page<{ createdAt: string; updatedAt: string; url: string; repository: Repo }>
  issues?: Page<Created & { repository: Repo }>
  pullRequests?: Page<Created & { repository: Repo }>
  repositories?: Page<Created & Repo>
  gists?: Page<Created>
  repositoryDiscussions?: Page<Created & { repository: Repo }>
  repositoryDiscussionComments?: Page<Created & { discussion?: { repository: Repo } | null }>
  discussionCommentsEnd?: Page<Created & { discussion?: { repository: Repo } | null }>
  commitComments?: Page<Created & { repository: Repo }>
  commitCommentsEnd?: Page<Created & { repository: Repo }>
  starredRepositories?: {
    edges?: ({ starredAt: string; node: { url: string; nameWithOwner: string; isPrivate: boolean } } | null)[] | null
    pageInfo?: { hasNextPage: boolean }
  }
}

/** One list from the answer: what it held, and whether it was cut off at the page size. */
export interface ActivityList {
  name: string
  evidence: Evidence[]
  /**
   * True when the list had more items than were read and what was read may not show the latest
   * in-window act that counts (private items, items outside the scope, or comments edited lately).
   */
  cutOff: boolean
  /**
   * For a list read at both ends: the date where reading stopped on its newer side. What was not
   * read lies between the ends, so (in either order) it is older than this, and newer than the
   * other end: it may hold an in-window act only when this date is inside the window.
   */
  readTo?: string
}

const present = <T>(nodes: (T | null)[] | null | undefined): T[] => (nodes ?? []).filter((n): n is T => n !== null)
const more = (page: Page<unknown> | undefined): boolean =>
  (page?.pageInfo?.hasNextPage || page?.pageInfo?.hasPreviousPage) ?? false
const item = (
  at: string,
  kind: string,
  url: string | null,
  repo: Repo | undefined | null,
  restricted: boolean,
  source: string
): Evidence => ({
  at,
  kind,
  url,
  repo: repo?.nameWithOwner ?? null,
  private: restricted || (repo?.isPrivate ?? false),
  source
})

function readContributions(cc: Contributions | undefined): ActivityList[] {
  const source = 'contributions'
  const issues = cc?.issueContributions
  const pulls = cc?.pullRequestContributions
  const reviews = cc?.pullRequestReviewContributions
  const repos = cc?.repositoryContributions
  return [
    {
      name: 'issue contributions',
      evidence: present(issues?.nodes).map((n) =>
        item(n.occurredAt, 'issue', n.issue?.url ?? null, n.issue?.repository, n.isRestricted, source)
      ),
      cutOff: more(issues)
    },
    {
      name: 'pull request contributions',
      evidence: present(pulls?.nodes).map((n) =>
        item(
          n.occurredAt,
          'pull_request',
          n.pullRequest?.url ?? null,
          n.pullRequest?.repository,
          n.isRestricted,
          source
        )
      ),
      cutOff: more(pulls)
    },
    {
      name: 'review contributions',
      evidence: present(reviews?.nodes).map((n) =>
        item(n.occurredAt, 'review', n.pullRequestReview?.url ?? null, n.repository, n.isRestricted, source)
      ),
      cutOff: more(reviews)
    },
    {
      name: 'repository contributions',
      evidence: present(repos?.nodes).map((n) =>
        item(n.occurredAt, 'repository', n.repository?.url ?? null, n.repository, n.isRestricted, source)
      ),
      cutOff: more(repos)
    },
    {
      name: 'commit contributions',
      evidence: (cc?.commitContributionsByRepository ?? []).flatMap((r) =>
        present(r.contributions.nodes).map((n) => item(n.occurredAt, 'commit', n.url, r.repository, false, source))
      ),
      cutOff: (cc?.commitContributionsByRepository?.length ?? 0) >= COMMIT_REPOSITORIES
    }
  ]
}

/**
 * A connection read at both ends, as one page newest first: whichever way GitHub sorts it (no
 * order is documented), its newest item is at one end. What lies unread between the ends is older
 * than the newer end's oldest item (`readTo`). More to read only when the start said so and the
 * ends do not meet (an item in both means nothing lies between).
 */
function bothEnds<T extends Created>(
  start: Page<T> | undefined,
  end: Page<T> | undefined
): (Page<T> & { readTo?: string }) | undefined {
  if (!start && !end) return undefined
  const [first, last] = [present(start?.nodes), present(end?.nodes)]
  const byUrl = new Map([...first, ...last].map((n) => [n.url, n]))
  const meet = byUrl.size < first.length + last.length
  const nodes = [...byUrl.values()].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
  const newest = (list: T[]) => Math.max(...list.map((n) => Date.parse(n.createdAt)))
  const newer = first.length && (!last.length || newest(first) >= newest(last)) ? first : last
  const readTo = newer.length
    ? new Date(Math.min(...newer.map((n) => Date.parse(n.createdAt)))).toISOString()
    : undefined
  return {
    nodes,
    pageInfo: { hasNextPage: (start?.pageInfo?.hasNextPage ?? false) && !meet },
    ...(readTo ? { readTo } : {})
  }
}

/** Issue comments, sorted by when they were updated: a page of only in-window updates may hide more. */
function issueCommentList(data: UserActivityData, since: Date): ActivityList {
  const comments = present(data.issueComments?.nodes)
  const last = comments[comments.length - 1]
  return {
    name: 'issue comments',
    evidence: comments
      .filter((c) => Date.parse(c.createdAt) >= since.getTime())
      .map((c) => item(c.createdAt, 'issue_comment', c.url, c.repository, false, 'issue-comments')),
    cutOff: more(data.issueComments) && last !== undefined && Date.parse(last.updatedAt) >= since.getTime()
  }
}

/**
 * Evidence from one user's part of the answer, list by list. Comments are dated by `createdAt`:
 * an old comment edited lately is not evidence, and when the page holds only comments updated
 * inside the window, older pages may hide one created there, so the list counts as cut off.
 */
export function readUserActivity(data: UserActivityData, since: Date): ActivityList[] {
  const lists: ActivityList[] = []
  for (const key of Object.keys(data).filter((k) => /^cc\d+$/.test(k)))
    lists.push(...readContributions(data[key as `cc${number}`]))

  lists.push(issueCommentList(data, since))

  const created = <T extends Created>(
    name: string,
    kind: string,
    source: string,
    page: (Page<T> & { readTo?: string }) | undefined,
    repoOf: (n: T) => Repo | null | undefined
  ): void => {
    lists.push({
      name,
      evidence: present(page?.nodes).map((n) => item(n.createdAt, kind, n.url, repoOf(n), false, source)),
      cutOff: more(page),
      ...(page?.readTo ? { readTo: page.readTo } : {})
    })
  }
  created('issues opened', 'issue', 'issues', data.issues, (n) => n.repository)
  created('pull requests opened', 'pull_request', 'pull-requests', data.pullRequests, (n) => n.repository)
  created('repositories created', 'repository', 'repositories', data.repositories, (n) => n)
  created('gists', 'gist', 'gists', data.gists, () => null)
  created('discussions', 'discussion', 'discussions', data.repositoryDiscussions, (n) => n.repository)
  created(
    'discussion comments',
    'discussion_comment',
    'discussion-comments',
    bothEnds(data.repositoryDiscussionComments, data.discussionCommentsEnd),
    (n) => n.discussion?.repository
  )
  created(
    'commit comments',
    'commit_comment',
    'commit-comments',
    bothEnds(data.commitComments, data.commitCommentsEnd),
    (n) => n.repository
  )

  const starred = data.starredRepositories
  lists.push({
    name: 'stars',
    evidence: present(starred?.edges).map((e) =>
      item(
        e.starredAt,
        'star',
        e.node.url,
        { nameWithOwner: e.node.nameWithOwner, isPrivate: e.node.isPrivate },
        false,
        'stars'
      )
    ),
    cutOff: starred?.pageInfo?.hasNextPage ?? false
  })
  return lists
}
