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

function timeline(types: readonly string[]): string {
  const fragments = types.map((t) => `... on ${t} { createdAt actor { login } }`).join(' ')
  // `last`: the newest acts since the window opened; older ones on a busy item are reported as overflow.
  return `timelineItems(last: ${EVENTS}, since: $since, itemTypes: [${types.map(itemType).join(', ')}]) { pageInfo { hasPreviousPage } nodes { __typename ${fragments} } }`
}

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
        `issues(first: ${ITEMS}, after: $ia${i}, orderBy: { field: UPDATED_AT, direction: DESC }, filterBy: { since: $since }) { pageInfo { hasNextPage endCursor } nodes { url updatedAt ${timeline(ISSUE_EVENTS)} } }`
      )
    }
    if (c.pullRequests !== 'done') {
      vars.push(`$pa${i}: String`)
      variables[`pa${i}`] = c.pullRequests
      lists.push(
        `pullRequests(first: ${ITEMS}, after: $pa${i}, orderBy: { field: UPDATED_AT, direction: DESC }) { pageInfo { hasNextPage endCursor } nodes { url updatedAt ${timeline(PULL_REQUEST_EVENTS)} } }`
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
interface ItemNode {
  url: string
  updatedAt: string
  timelineItems: { pageInfo: { hasPreviousPage: boolean }; nodes: (TimelineNode | null)[] | null }
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

/** Acts found in one repository's answer, by lower-case actor login. */
export interface SweepPage {
  acts: Map<string, Evidence>
  /** Cursors for the next round ('done' when a list is finished). */
  next: SweepCursor
  /** Items whose timeline had more events than one page: the newest act on them may be missing. */
  overflowing: string[]
}

/**
 * Reads one repository's part. Pull requests come newest-updated first with no `since` filter, so
 * the list is done at the first one updated before the window.
 */
export function readRepositorySweep(data: RepositorySweepData, cursor: SweepCursor, since: Date): SweepPage {
  const acts = new Map<string, Evidence>()
  const overflowing: string[] = []
  const next: SweepCursor = { ...cursor }
  const take = (page: ItemPage | undefined, list: 'issues' | 'pullRequests'): void => {
    if (!page) return
    let reachedOld = false
    for (const item of page.nodes ?? []) {
      if (!item) continue
      if (Date.parse(item.updatedAt) < since.getTime()) {
        reachedOld = true
        continue
      }
      if (item.timelineItems.pageInfo.hasPreviousPage) overflowing.push(item.url)
      for (const event of item.timelineItems.nodes ?? []) {
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
            repo: data.nameWithOwner,
            private: data.isPrivate,
            source: 'repository-sweep'
          })
        }
      }
    }
    next[list] = page.pageInfo.hasNextPage && !reachedOld ? page.pageInfo.endCursor : 'done'
  }
  take(data.issues, 'issues')
  take(data.pullRequests, 'pullRequests')
  return { acts, next, overflowing }
}
