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

const REPO = 'repository { nameWithOwner isPrivate }'
/**
 * Repositories asked of commitContributionsByRepository (its only argument, default 25:
 * docs.github.com/en/graphql/reference/objects#contributionscollection). A full answer is a cut-off:
 * with `activity-scope: orgs` an in-scope repository may be the next one.
 */
export const COMMIT_REPOSITORIES = 10

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
    commitContributionsByRepository(maxRepositories: ${COMMIT_REPOSITORIES}) {
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
 *   `orderBy` and GitHub documents no order (docs.github.com/en/graphql/reference/objects#user):
 *   both ends are read (`first` and `last`), so the newest is seen whether they come oldest or
 *   newest first.
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
  repositoryDiscussionComments(first: 3) { nodes { createdAt url discussion { ${REPO} } } pageInfo { hasNextPage } }
  discussionCommentsEnd: repositoryDiscussionComments(last: 3) { nodes { createdAt url discussion { ${REPO} } } }
  commitComments(first: 3) { nodes { createdAt url ${REPO} } pageInfo { hasNextPage } }
  commitCommentsEnd: commitComments(last: 3) { nodes { createdAt url ${REPO} } }
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
