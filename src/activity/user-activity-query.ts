/**
 * One GraphQL document asks about many people at once: one `user(login:)` alias each, logins
 * passed as variables (never spliced into the text). Pure: building and reading, no I/O.
 *
 * What each part can see (docs.github.com/en/graphql/reference/objects):
 * - contributionsCollection: issues and pull requests opened, reviews, repositories created, and
 *   commits to a default branch, each with `occurredAt`; its span is at most one year.
 *   Comments and labels are not contributions.
 * - issueComments: sortable only by UPDATED_AT, so an old comment edited lately sorts first; the
 *   verdict uses `createdAt` (an edit is not new activity).
 * - starredRepositories: `starredAt` of the latest star (a public WatchEvent is activity).
 */
import type { Evidence } from './evidence.js'

/**
 * People per document at the start of a run. The throttling plugin sends GraphQL one query at a
 * time, at least a second apart, so fewer, larger queries are what makes 1,000 people take under a
 * minute and 20,000 under fifteen; a query costs about 8 points at this size (docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api).
 * GitHub stops a query after 10 seconds: a batch that times out or hits RESOURCE_LIMITS_EXCEEDED
 * is asked again in halves, and later batches stay at the smaller size.
 */
export const USERS_PER_QUERY = 50
/** Nodes per connection: enough to look past a few private items for a public one. */
const PAGE = 5

const REPO = 'repository { nameWithOwner isPrivate }'

/** A span of the contributions collection; one per window, each at most a year. */
export interface Span {
  from: Date
  to: Date
}

function contributions(i: number): string {
  return `cc${i}: contributionsCollection(from: $from${i}, to: $to${i}) {
    issueContributions(first: ${PAGE}) { nodes { occurredAt isRestricted issue { url ${REPO} } } pageInfo { hasNextPage } }
    pullRequestContributions(first: ${PAGE}) { nodes { occurredAt isRestricted pullRequest { url ${REPO} } } pageInfo { hasNextPage } }
    pullRequestReviewContributions(first: ${PAGE}) { nodes { occurredAt isRestricted pullRequestReview { url } ${REPO} } pageInfo { hasNextPage } }
    repositoryContributions(first: ${PAGE}) { nodes { occurredAt isRestricted ${REPO} } pageInfo { hasNextPage } }
    commitContributionsByRepository(maxRepositories: 10) {
      ${REPO}
      contributions(first: 1, orderBy: { field: OCCURRED_AT, direction: DESC }) { nodes { occurredAt url } }
    }
  }`
}

/**
 * What is asked of each user. Beyond contributions (which skip forks and comments):
 * - issues and pull requests opened anywhere, forks included, newest first;
 * - repositories they own (forks included), newest first; public gists;
 * - discussions, and comments on discussions and commits. The last two connections take no
 *   `orderBy`; their order is taken to be oldest first, so `last` reads the newest (unconfirmed by
 *   the docs; a wrong guess can only miss evidence, and the later sources still look).
 */
function userFragment(spans: number): string {
  return `
fragment UserActivity on User {
  login
  ${Array.from({ length: spans }, (_, i) => contributions(i)).join('\n  ')}
  issueComments(first: ${PAGE * 2}, orderBy: { field: UPDATED_AT, direction: DESC }) {
    nodes { createdAt updatedAt url ${REPO} }
    pageInfo { hasNextPage }
  }
  issues(first: 3, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { createdAt url ${REPO} } pageInfo { hasNextPage } }
  pullRequests(first: 3, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { createdAt url ${REPO} } pageInfo { hasNextPage } }
  repositories(first: 3, ownerAffiliations: [OWNER], orderBy: { field: CREATED_AT, direction: DESC }) { nodes { createdAt url nameWithOwner isPrivate } pageInfo { hasNextPage } }
  gists(first: 1, privacy: PUBLIC, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { createdAt url } }
  repositoryDiscussions(first: 3, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { createdAt url ${REPO} } pageInfo { hasNextPage } }
  repositoryDiscussionComments(last: 3) { nodes { createdAt url discussion { ${REPO} } } pageInfo { hasPreviousPage } }
  commitComments(last: 3) { nodes { createdAt url ${REPO} } pageInfo { hasPreviousPage } }
  starredRepositories(first: 1, orderBy: { field: STARRED_AT, direction: DESC }) {
    edges { starredAt node { url nameWithOwner isPrivate } }
    pageInfo { hasNextPage }
  }
}`
}

/**
 * The document for `count` people over `spans` windows: variables `$l0…`, `$from0`, `$to0`, ….
 * One span normally; a person whose query is too heavy is asked again over quarters.
 */
export function userActivityDocument(count: number, spans = 1): string {
  const vars = [
    ...Array.from({ length: count }, (_, i) => `$l${i}: String!`),
    ...Array.from({ length: spans }, (_, i) => `$from${i}: DateTime!, $to${i}: DateTime!`)
  ].join(', ')
  const aliases = Array.from({ length: count }, (_, i) => `  u${i}: user(login: $l${i}) { ...UserActivity }`).join('\n')
  return `query UserActivity(${vars}) {\n${aliases}\n  rateLimit { cost remaining resetAt }\n}\n${userFragment(spans)}`
}

/** Variables for the spans of a document. */
export function spanVariables(spans: Span[]): Record<string, string> {
  return Object.fromEntries(
    spans.flatMap((s, i) => [
      [`from${i}`, s.from.toISOString()],
      [`to${i}`, s.to.toISOString()]
    ])
  )
}

/** A window cut into `parts` consecutive spans. */
export function splitSpan(span: Span, parts: number): Span[] {
  const step = (span.to.getTime() - span.from.getTime()) / parts
  return Array.from({ length: parts }, (_, i) => ({
    from: new Date(span.from.getTime() + i * step),
    to: new Date(span.from.getTime() + (i + 1) * step)
  }))
}

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
  commitComments?: Page<Created & { repository: Repo }>
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
      cutOff: false
    }
  ]
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

  const comments = present(data.issueComments?.nodes)
  const last = comments[comments.length - 1]
  lists.push({
    name: 'issue comments',
    evidence: comments
      .filter((c) => Date.parse(c.createdAt) >= since.getTime())
      .map((c) => item(c.createdAt, 'issue_comment', c.url, c.repository, false, 'issue-comments')),
    cutOff: more(data.issueComments) && last !== undefined && Date.parse(last.updatedAt) >= since.getTime()
  })

  const created = <T extends Created>(
    name: string,
    kind: string,
    source: string,
    page: Page<T> | undefined,
    repoOf: (n: T) => Repo | null | undefined
  ): void => {
    lists.push({
      name,
      evidence: present(page?.nodes).map((n) => item(n.createdAt, kind, n.url, repoOf(n), false, source)),
      cutOff: more(page)
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
    data.repositoryDiscussionComments,
    (n) => n.discussion?.repository
  )
  created('commit comments', 'commit_comment', 'commit-comments', data.commitComments, (n) => n.repository)

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
