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
/** Nodes per page when a list is read on (read-on.ts): GitHub's largest `first`. */
const READ_ON_PAGE = 100

const REPO = 'repository { nameWithOwner isPrivate }'
/**
 * Repositories asked of commitContributionsByRepository (its only argument, default 25, at most
 * 100: docs.github.com/en/graphql/reference/objects#contributionscollection). A full answer is a
 * cut-off: with `activity-scope: orgs` an in-scope repository may be the next one; reading on asks
 * for the most GitHub gives.
 */
export const COMMIT_REPOSITORIES = 10
export const COMMIT_REPOSITORIES_MAX = 100

/** A span of the contributions collection; one per window, each at most a year. */
export interface Span {
  from: Date
  to: Date
}

/**
 * The contributions lists, each a connection ordered by `occurredAt`, newest first (the default
 * of ContributionOrder: docs.github.com/en/graphql/reference/input-objects#contributionorder).
 */
export const CONTRIBUTION_LISTS = {
  issueContributions: `nodes { occurredAt isRestricted issue { url ${REPO} } }`,
  pullRequestContributions: `nodes { occurredAt isRestricted pullRequest { url ${REPO} } }`,
  pullRequestReviewContributions: `nodes { occurredAt isRestricted pullRequestReview { url } ${REPO} }`,
  repositoryContributions: `nodes { occurredAt isRestricted ${REPO} }`
} as const
export type ContributionList = keyof typeof CONTRIBUTION_LISTS

interface UserList {
  /** Arguments besides the page's. */
  args: string
  /** Nodes on the first page. */
  first: number
  select: string
  /** Read at both ends too, under this alias (no order is documented): `last: first`. */
  end?: string
}

/**
 * What is asked of each user beyond contributions (which skip forks and comments):
 * - issues and pull requests opened anywhere, forks included, newest first;
 * - repositories they own (forks included), newest first;
 * - discussions, and comments on discussions and commits. The last two connections take no
 *   `orderBy` and GitHub documents no order (docs.github.com/en/graphql/reference/objects#user):
 *   both ends are read (`first` and `last`), so the newest is seen whether they come oldest or
 *   newest first.
 */
export const USER_LISTS = {
  issueComments: {
    args: 'orderBy: { field: UPDATED_AT, direction: DESC }',
    first: PAGE * 2,
    select: `nodes { createdAt updatedAt url ${REPO} }`
  },
  issues: {
    args: 'orderBy: { field: CREATED_AT, direction: DESC }',
    first: 3,
    select: `nodes { createdAt url ${REPO} }`
  },
  pullRequests: {
    args: 'orderBy: { field: CREATED_AT, direction: DESC }',
    first: 3,
    select: `nodes { createdAt url ${REPO} }`
  },
  repositories: {
    args: 'ownerAffiliations: [OWNER], orderBy: { field: CREATED_AT, direction: DESC }',
    first: 3,
    select: 'nodes { createdAt url nameWithOwner isPrivate }'
  },
  repositoryDiscussions: {
    args: 'orderBy: { field: CREATED_AT, direction: DESC }',
    first: 3,
    select: `nodes { createdAt url ${REPO} }`
  },
  repositoryDiscussionComments: {
    args: '',
    first: 3,
    select: `nodes { createdAt url discussion { ${REPO} } }`,
    end: 'discussionCommentsEnd'
  },
  commitComments: { args: '', first: 3, select: `nodes { createdAt url ${REPO} }`, end: 'commitCommentsEnd' },
  starredRepositories: {
    args: 'orderBy: { field: STARRED_AT, direction: DESC }',
    first: 1,
    select: 'edges { starredAt node { url nameWithOwner isPrivate } }'
  }
} satisfies Record<string, UserList>
export type UserListName = keyof typeof USER_LISTS

const PAGE_INFO = 'pageInfo { hasNextPage endCursor }'

/** One connection: its first page, or (with `after`, a variable's name) the next `READ_ON_PAGE`. */
export function listField(field: string, args: string, select: string, first: number, after?: string): string {
  const paging = after ? `first: ${READ_ON_PAGE}, after: ${after}` : `first: ${first}`
  return `${field}(${[paging, args].filter(Boolean).join(', ')}) { ${select} ${PAGE_INFO} }`
}

export function commitsField(maxRepositories: number): string {
  return `commitContributionsByRepository(maxRepositories: ${maxRepositories}) {
      ${REPO}
      contributions(first: 1, orderBy: { field: OCCURRED_AT, direction: DESC }) { nodes { occurredAt url } }
    }`
}

function contributions(i: number): string {
  const lists = Object.entries(CONTRIBUTION_LISTS).map(([field, select]) => listField(field, '', select, PAGE))
  return `cc${i}: contributionsCollection(from: $from${i}, to: $to${i}) {
    ${lists.join('\n    ')}
    ${commitsField(COMMIT_REPOSITORIES)}
  }`
}

function userFragment(spans: number): string {
  const lists = Object.entries(USER_LISTS as Record<string, UserList>).flatMap(([field, l]) => [
    listField(field, l.args, l.select, l.first),
    ...(l.end ? [`${l.end}: ${field}(last: ${l.first}) { ${l.select} }`] : [])
  ])
  return `
fragment UserActivity on User {
  login
  ${Array.from({ length: spans }, (_, i) => contributions(i)).join('\n  ')}
  ${lists.join('\n  ')}
  gists(first: 1, privacy: PUBLIC, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { createdAt url } }
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
