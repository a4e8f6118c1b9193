/**
 * The per-repository sweep's GraphQL part: for several repositories at once, the issues and pull
 * requests updated in the window and, on each, the timeline events people caused there (labels,
 * closes, merges, assignments …). No per-user API shows these after 30 days; a repository's
 * timelines do, with `actor` and `createdAt` (docs.github.com/en/graphql/reference/objects#labeledevent).
 * Pure: building and reading documents.
 */
import type { Evidence } from './evidence.js'

/** Repositories per document. Each costs about one point per page of 25 items. */
export const REPOS_PER_QUERY = 20
const ITEMS = 25
const EVENTS = 50

/** Timeline events that are an act of their actor, each with `actor` and `createdAt`. */
const ISSUE_EVENTS = [
  'LabeledEvent',
  'UnlabeledEvent',
  'ClosedEvent',
  'ReopenedEvent',
  'AssignedEvent',
  'UnassignedEvent',
  'MilestonedEvent',
  'DemilestonedEvent',
  'RenamedTitleEvent',
  'LockedEvent',
  'UnlockedEvent',
  'MarkedAsDuplicateEvent',
  'PinnedEvent',
  'TransferredEvent'
] as const
const PULL_REQUEST_EVENTS = [
  ...ISSUE_EVENTS.filter((t) => t !== 'PinnedEvent' && t !== 'TransferredEvent'),
  'MergedEvent',
  'ReviewRequestedEvent',
  'ReadyForReviewEvent',
  'ConvertToDraftEvent',
  'HeadRefForcePushedEvent'
] as const

const itemType = (typename: string): string =>
  typename
    .replace(/Event$/, '')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toUpperCase() + '_EVENT'

/**
 * A timeline's newest `size` acts since the window opened, before `before` when given. `last` and
 * `before` page backwards, `hasPreviousPage` and `startCursor` say whether and where to go on
 * (docs.github.com/en/graphql/reference/objects#issue, `timelineItems`; PageInfo).
 */
export function timeline(list: 'issues' | 'pullRequests', size = EVENTS, before?: string): string {
  const types = list === 'issues' ? ISSUE_EVENTS : PULL_REQUEST_EVENTS
  const fragments = types.map((t) => `... on ${t} { createdAt actor { login } }`).join(' ')
  const from = before ? `, before: ${before}` : ''
  return `timelineItems(last: ${size}${from}, since: $since, itemTypes: [${types.map(itemType).join(', ')}]) { pageInfo { hasPreviousPage startCursor } nodes { __typename ${fragments} } }`
}
const ITEM = 'id url updatedAt author { login }'

/** Where one repository's sweep stands: which lists still have pages, and from which cursor. */
export interface SweepCursor {
  owner: string
  name: string
  issues: string | null | 'done'
  pullRequests: string | null | 'done'
}

/** A document for the given repositories; each asks only for the lists not yet done. */
export function repositorySweepDocument(cursors: SweepCursor[]): {
  query: string
  variables: Record<string, string | null>
} {
  const variables: Record<string, string | null> = {}
  const vars: string[] = ['$since: DateTime!']
  const parts = cursors.map((c, i) => {
    vars.push(`$o${i}: String!`, `$n${i}: String!`)
    variables[`o${i}`] = c.owner
    variables[`n${i}`] = c.name
    const lists: string[] = []
    if (c.issues !== 'done') {
      vars.push(`$ia${i}: String`)
      variables[`ia${i}`] = c.issues
      lists.push(
        `issues(first: ${ITEMS}, after: $ia${i}, orderBy: { field: UPDATED_AT, direction: DESC }, filterBy: { since: $since }) { pageInfo { hasNextPage endCursor } nodes { ${ITEM} ${timeline('issues')} } }`
      )
    }
    if (c.pullRequests !== 'done') {
      vars.push(`$pa${i}: String`)
      variables[`pa${i}`] = c.pullRequests
      lists.push(
        `pullRequests(first: ${ITEMS}, after: $pa${i}, orderBy: { field: UPDATED_AT, direction: DESC }) { pageInfo { hasNextPage endCursor } nodes { ${ITEM} isCrossRepository ${timeline('pullRequests')} } }`
      )
    }
    return `  r${i}: repository(owner: $o${i}, name: $n${i}) { nameWithOwner isPrivate ${lists.join(' ')} }`
  })
  return {
    query: `query RepositorySweep(${vars.join(', ')}) {\n${parts.join('\n')}\n  rateLimit { cost }\n}`,
    variables
  }
}

interface TimelineNode {
  __typename: string
  createdAt?: string
  actor?: { login: string } | null
}
export interface TimelinePage {
  pageInfo: { hasPreviousPage: boolean; startCursor: string | null }
  nodes: (TimelineNode | null)[] | null
}
export interface ItemNode {
  id: string
  url: string
  updatedAt: string
  author: { login: string } | null
  /** A pull request whose head branch lives in another repository (a fork). */
  isCrossRepository?: boolean
  timelineItems: TimelinePage
}
interface ItemPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null }
  nodes: (ItemNode | null)[] | null
}
export interface RepositorySweepData {
  nameWithOwner: string
  isPrivate: boolean
  issues?: ItemPage
  pullRequests?: ItemPage
}

/**
 * The item a path below a repository's alias lies inside (`issues.nodes.3.timelineItems…`), when
 * the hole is within a listed item's timeline and the item itself is there; otherwise null.
 */
export function itemOf(repo: RepositorySweepData | null, hole: (string | number)[]): ItemNode | null {
  const [list, nodes, k, field] = hole
  if (!repo || (list !== 'issues' && list !== 'pullRequests') || nodes !== 'nodes' || typeof k !== 'number') return null
  if (field !== 'timelineItems') return null
  return repo[list]?.nodes?.[k] ?? null
}

/** What the blast radius needs of an item: where it is, who opened it, whether from a fork. */
export function itemFacts(
  item: ItemNode,
  repo: RepositorySweepData
): { url: string; repo: string; author: string | null; crossRepository: boolean } {
  return {
    url: item.url,
    repo: repo.nameWithOwner,
    author: item.author?.login ?? null,
    crossRepository: item.isCrossRepository === true
  }
}

/** An issue or pull request whose timeline holds more acts in the window than were read. */
export interface BusyItem {
  id: string
  url: string
  repo: string
  private: boolean
  list: 'issues' | 'pullRequests'
  author: string | null
  /**
   * The head branch lives in a fork: whoever can push there may force-push it, with no role in
   * this repository (docs.github.com/en/graphql/reference/objects#pullrequest, isCrossRepository).
   */
  crossRepository: boolean
  /** Where the next page back starts. */
  before: string
}

/** Acts found in one repository's answer, by lower-case actor login. */
export interface SweepPage {
  acts: Map<string, Evidence>
  /** Cursors for the next round ('done' when a list is finished). */
  next: SweepCursor
  /** Items with older acts in the window still to read, page by page backwards. */
  busy: BusyItem[]
}

/** Adds each act of a timeline page to `acts` (the latest per actor), inside the window only. */
export function readTimeline(
  page: TimelinePage,
  item: Pick<BusyItem, 'url' | 'repo' | 'private'>,
  since: Date,
  acts: Map<string, Evidence>
): void {
  for (const event of page.nodes ?? []) {
    const login = event?.actor?.login
    if (!event?.createdAt || !login || Date.parse(event.createdAt) < since.getTime()) continue
    const key = login.toLowerCase()
    const found = acts.get(key)
    if (!found || Date.parse(event.createdAt) > Date.parse(found.at)) {
      acts.set(key, {
        at: event.createdAt,
        kind: event.__typename
          .replace(/Event$/, '')
          .replace(/([a-z])([A-Z])/g, '$1_$2')
          .toLowerCase(),
        url: item.url,
        repo: item.repo,
        private: item.private,
        source: 'repository-sweep'
      })
    }
  }
}

/** The item's next page back, when its timeline has one. */
export function busyItem(page: TimelinePage, item: Omit<BusyItem, 'before'>): BusyItem | null {
  return page.pageInfo.hasPreviousPage && page.pageInfo.startCursor
    ? { ...item, before: page.pageInfo.startCursor }
    : null
}

/**
 * Reads one repository's part. Pull requests come newest-updated first with no `since` filter, so
 * the list is done at the first one updated before the window.
 */
export function readRepositorySweep(data: RepositorySweepData, cursor: SweepCursor, since: Date): SweepPage {
  const acts = new Map<string, Evidence>()
  const busy: BusyItem[] = []
  const next: SweepCursor = { ...cursor }
  const take = (page: ItemPage | undefined, list: 'issues' | 'pullRequests'): void => {
    if (!page) return
    let reachedOld = false
    for (const node of page.nodes ?? []) {
      // A null item, or one whose timeline GitHub left out, is a hole the caller has been told of.
      if (!node?.timelineItems) continue
      if (Date.parse(node.updatedAt) < since.getTime()) {
        reachedOld = true
        continue
      }
      const item = { id: node.id, url: node.url, repo: data.nameWithOwner, private: data.isPrivate, list }
      readTimeline(node.timelineItems, item, since, acts)
      const more = busyItem(node.timelineItems, {
        ...item,
        author: node.author?.login ?? null,
        crossRepository: node.isCrossRepository === true
      })
      if (more) busy.push(more)
    }
    next[list] = page.pageInfo.hasNextPage && !reachedOld ? page.pageInfo.endCursor : 'done'
  }
  take(data.issues, 'issues')
  take(data.pullRequests, 'pullRequests')
  return { acts, next, busy }
}
