/**
 * Reading one user's part of the UserActivity answer (user-activity-query.ts builds the document):
 * evidence list by list, and whether each list was cut off before it could show the latest act.
 * Pure.
 */
import { bothEnds } from './both-ends.js'
import { type Created, type Page, present } from './pages.js'
import type { Evidence } from './evidence.js'
import {
  COMMIT_REPOSITORIES,
  COMMIT_REPOSITORIES_MAX,
  type ContributionList,
  type UserListName
} from './user-activity-query.js'

interface Repo {
  nameWithOwner: string
  isPrivate: boolean
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
    pageInfo?: { hasNextPage: boolean; endCursor?: string | null }
  }
}

/** Where a cut-off list goes on: its field, its span (contributions), and the cursor after the page read. */
export interface ReadOnList {
  field: ContributionList | UserListName | 'commitContributionsByRepository'
  span: number | null
  after: string | null
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
  /** How to read on, when GitHub can give more than was read. */
  readOn?: ReadOnList
  /** The list's order is documented (newest first): what is unread is older than what was read. */
  ordered: boolean
}

const more = (page: Page<unknown> | undefined): boolean =>
  (page?.pageInfo?.hasNextPage || page?.pageInfo?.hasPreviousPage) ?? false
/** The read-on step of a page with more after it: from its end cursor. */
const onFrom = (
  page: Page<unknown> | undefined,
  field: ReadOnList['field'],
  span: number | null = null
): { readOn?: ReadOnList } =>
  page?.pageInfo?.hasNextPage && page.pageInfo.endCursor
    ? { readOn: { field, span, after: page.pageInfo.endCursor } }
    : {}
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

interface ContributionNode {
  occurredAt: string
  isRestricted: boolean
  issue?: { url: string; repository: Repo }
  pullRequest?: { url: string; repository: Repo }
  pullRequestReview?: { url: string }
  repository?: Repo & { url?: string }
}

/** Each contributions list: its name in reasons, the kind of act, and where a node keeps its address and repository. */
const CONTRIBUTIONS: [ContributionList, string, string, (n: ContributionNode) => { url?: string; repo?: Repo }][] = [
  ['issueContributions', 'issue contributions', 'issue', (n) => ({ url: n.issue?.url, repo: n.issue?.repository })],
  [
    'pullRequestContributions',
    'pull request contributions',
    'pull_request',
    (n) => ({ url: n.pullRequest?.url, repo: n.pullRequest?.repository })
  ],
  [
    'pullRequestReviewContributions',
    'review contributions',
    'review',
    (n) => ({ url: n.pullRequestReview?.url, repo: n.repository })
  ],
  [
    'repositoryContributions',
    'repository contributions',
    'repository',
    (n) => ({ url: n.repository?.url, repo: n.repository })
  ]
]

function readContributions(cc: Contributions | undefined, span: number, commitLimit: number): ActivityList[] {
  const source = 'contributions'
  const lists = CONTRIBUTIONS.map(([field, name, kind, where]): ActivityList => {
    const page = cc?.[field] as Page<ContributionNode> | undefined
    return {
      name,
      evidence: present(page?.nodes).map((n) => {
        const { url, repo } = where(n)
        return item(n.occurredAt, kind, url ?? null, repo, n.isRestricted, source)
      }),
      cutOff: more(page),
      ordered: true,
      ...onFrom(page, field, span)
    }
  })
  const commits = cc?.commitContributionsByRepository ?? []
  lists.push({
    name: 'commit contributions',
    evidence: commits.flatMap((r) =>
      present(r.contributions.nodes).map((n) => item(n.occurredAt, 'commit', n.url, r.repository, false, source))
    ),
    cutOff: commits.length >= commitLimit,
    ordered: true,
    ...(commitLimit < COMMIT_REPOSITORIES_MAX
      ? { readOn: { field: 'commitContributionsByRepository', span, after: null } }
      : {})
  })
  return lists
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
    cutOff: more(data.issueComments) && last !== undefined && Date.parse(last.updatedAt) >= since.getTime(),
    ordered: true,
    ...onFrom(data.issueComments, 'issueComments')
  }
}

/**
 * Evidence from one user's part of the answer, list by list. Comments are dated by `createdAt`:
 * an old comment edited lately is not evidence, and when the page holds only comments updated
 * inside the window, older pages may hide one created there, so the list counts as cut off.
 */
export function readUserActivity(
  data: UserActivityData,
  since: Date,
  commitLimit = COMMIT_REPOSITORIES
): ActivityList[] {
  const lists: ActivityList[] = []
  for (const key of Object.keys(data).filter((k) => /^cc\d+$/.test(k)))
    lists.push(...readContributions(data[key as `cc${number}`], Number(key.slice(2)), commitLimit))
  return [...lists, issueCommentList(data, since), ...createdLists(data), starList(data)]
}

/** A list of things the user created, as read. */
function created<T extends Created>(
  name: string,
  kind: string,
  source: string,
  page: (Page<T> & { readTo?: string }) | undefined,
  repoOf: (n: T) => Repo | null | undefined,
  field: UserListName | null,
  ordered = true
): ActivityList {
  return {
    name,
    evidence: present(page?.nodes).map((n) => item(n.createdAt, kind, n.url, repoOf(n), false, source)),
    cutOff: more(page),
    ...(page?.readTo ? { readTo: page.readTo } : {}),
    ordered,
    ...(field ? onFrom(page, field) : {})
  }
}

function createdLists(data: UserActivityData): ActivityList[] {
  return [
    created('issues opened', 'issue', 'issues', data.issues, (n) => n.repository, 'issues'),
    created(
      'pull requests opened',
      'pull_request',
      'pull-requests',
      data.pullRequests,
      (n) => n.repository,
      'pullRequests'
    ),
    created('repositories created', 'repository', 'repositories', data.repositories, (n) => n, 'repositories'),
    created('gists', 'gist', 'gists', data.gists, () => null, null),
    created(
      'discussions',
      'discussion',
      'discussions',
      data.repositoryDiscussions,
      (n) => n.repository,
      'repositoryDiscussions'
    ),
    created(
      'discussion comments',
      'discussion_comment',
      'discussion-comments',
      bothEnds(data.repositoryDiscussionComments, data.discussionCommentsEnd),
      (n) => n.discussion?.repository,
      'repositoryDiscussionComments',
      false
    ),
    created(
      'commit comments',
      'commit_comment',
      'commit-comments',
      bothEnds(data.commitComments, data.commitCommentsEnd),
      (n) => n.repository,
      'commitComments',
      false
    )
  ]
}

function starList(data: UserActivityData): ActivityList {
  const starred = data.starredRepositories
  return {
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
    cutOff: starred?.pageInfo?.hasNextPage ?? false,
    ordered: true,
    ...onFrom(starred, 'starredRepositories')
  }
}
