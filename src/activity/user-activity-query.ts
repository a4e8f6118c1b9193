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

/** People per document. 20 aliases keep a document's cost near one point. */
export const USERS_PER_QUERY = 20
/** Nodes per connection: enough to look past a few private items for a public one. */
const PAGE = 5

const REPO = 'repository { nameWithOwner isPrivate }'

export const USER_ACTIVITY_FRAGMENT = `
fragment UserActivity on User {
  login
  contributionsCollection(from: $from, to: $to) {
    issueContributions(first: ${PAGE}) { nodes { occurredAt isRestricted issue { url ${REPO} } } pageInfo { hasNextPage } }
    pullRequestContributions(first: ${PAGE}) { nodes { occurredAt isRestricted pullRequest { url ${REPO} } } pageInfo { hasNextPage } }
    pullRequestReviewContributions(first: ${PAGE}) { nodes { occurredAt isRestricted pullRequestReview { url } ${REPO} } pageInfo { hasNextPage } }
    repositoryContributions(first: ${PAGE}) { nodes { occurredAt isRestricted ${REPO} } pageInfo { hasNextPage } }
    commitContributionsByRepository(maxRepositories: 10) {
      ${REPO}
      contributions(first: 1, orderBy: { field: OCCURRED_AT, direction: DESC }) { nodes { occurredAt url } }
    }
  }
  issueComments(first: ${PAGE * 2}, orderBy: { field: UPDATED_AT, direction: DESC }) {
    nodes { createdAt updatedAt url ${REPO} }
    pageInfo { hasNextPage }
  }
  starredRepositories(first: 1, orderBy: { field: STARRED_AT, direction: DESC }) {
    edges { starredAt node { url nameWithOwner isPrivate } }
    pageInfo { hasNextPage }
  }
}`

/** The document for `count` people: variables `$l0…$l{count-1}`, `$from`, `$to`. */
export function userActivityDocument(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$l${i}: String!`).join(', ')
  const aliases = Array.from({ length: count }, (_, i) => `  u${i}: user(login: $l${i}) { ...UserActivity }`).join('\n')
  return `query UserActivity(${vars}, $from: DateTime!, $to: DateTime!) {\n${aliases}\n  rateLimit { cost remaining resetAt }\n}\n${USER_ACTIVITY_FRAGMENT}`
}

interface Repo {
  nameWithOwner: string
  isPrivate: boolean
}
interface Page<T> {
  nodes?: (T | null)[] | null
  pageInfo?: { hasNextPage: boolean }
}
export interface UserActivityData {
  login: string
  contributionsCollection?: {
    issueContributions?: Page<{ occurredAt: string; isRestricted: boolean; issue?: { url: string; repository: Repo } }>
    pullRequestContributions?: Page<{ occurredAt: string; isRestricted: boolean; pullRequest?: { url: string; repository: Repo } }>
    pullRequestReviewContributions?: Page<{ occurredAt: string; isRestricted: boolean; pullRequestReview?: { url: string }; repository?: Repo }>
    repositoryContributions?: Page<{ occurredAt: string; isRestricted: boolean; repository?: Repo & { url?: string } }>
    commitContributionsByRepository?: { repository: Repo; contributions: Page<{ occurredAt: string; url: string }> }[]
  }
  issueComments?: Page<{ createdAt: string; updatedAt: string; url: string; repository: Repo }>
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

/**
 * Evidence from one user's part of the answer, list by list. Comments are dated by `createdAt`:
 * an old comment edited lately is not evidence, and when the page holds only comments updated
 * inside the window, older pages may hide one created there, so the list counts as cut off.
 */
export function readUserActivity(data: UserActivityData, since: Date): ActivityList[] {
  const lists: ActivityList[] = []
  const list = (name: string, evidence: Evidence[], cutOff: boolean): void => {
    lists.push({ name, evidence, cutOff })
  }
  const item = (at: string, kind: string, url: string | null, repo: Repo | undefined, restricted: boolean, source: string): Evidence => ({
    at,
    kind,
    url,
    repo: repo?.nameWithOwner ?? null,
    private: restricted || (repo?.isPrivate ?? false),
    source
  })
  const more = (page: Page<unknown> | undefined): boolean => page?.pageInfo?.hasNextPage ?? false
  const present = <T>(nodes: (T | null)[] | null | undefined): T[] => (nodes ?? []).filter((n): n is T => n !== null)

  const cc = data.contributionsCollection
  const issues = cc?.issueContributions
  list('issue contributions', present(issues?.nodes).map((n) => item(n.occurredAt, 'issue', n.issue?.url ?? null, n.issue?.repository, n.isRestricted, 'contributions')), more(issues))
  const pulls = cc?.pullRequestContributions
  list('pull request contributions', present(pulls?.nodes).map((n) => item(n.occurredAt, 'pull_request', n.pullRequest?.url ?? null, n.pullRequest?.repository, n.isRestricted, 'contributions')), more(pulls))
  const reviews = cc?.pullRequestReviewContributions
  list('review contributions', present(reviews?.nodes).map((n) => item(n.occurredAt, 'review', n.pullRequestReview?.url ?? null, n.repository, n.isRestricted, 'contributions')), more(reviews))
  const repos = cc?.repositoryContributions
  list('repository contributions', present(repos?.nodes).map((n) => item(n.occurredAt, 'repository', n.repository?.url ?? null, n.repository, n.isRestricted, 'contributions')), more(repos))
  list(
    'commit contributions',
    (cc?.commitContributionsByRepository ?? []).flatMap((r) => present(r.contributions.nodes).map((n) => item(n.occurredAt, 'commit', n.url, r.repository, false, 'contributions'))),
    false
  )

  const comments = present(data.issueComments?.nodes)
  const last = comments[comments.length - 1]
  list(
    'issue comments',
    comments.filter((c) => Date.parse(c.createdAt) >= since.getTime()).map((c) => item(c.createdAt, 'issue_comment', c.url, c.repository, false, 'issue-comments')),
    more(data.issueComments) && last !== undefined && Date.parse(last.updatedAt) >= since.getTime()
  )

  const starred = data.starredRepositories
  list(
    'stars',
    present(starred?.edges).map((e) => item(e.starredAt, 'star', e.node.url, { nameWithOwner: e.node.nameWithOwner, isPrivate: e.node.isPrivate }, false, 'stars')),
    starred?.pageInfo?.hasNextPage ?? false
  )
  return lists
}
