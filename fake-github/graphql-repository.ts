/**
 * `repository(owner:, name:)` for the fake GraphQL API: issues and pull requests with their
 * timelines, derived from the world's labels, closes and merges. Each such act sits on an issue or
 * pull request of its own unless the activity names one (`item`), so busy items can be modelled.
 */
import type { Activity, World, WorldRepo } from './world.js'
import { activitiesIn } from './world.js'

const TIMELINE_TYPE: Partial<
  Record<Activity['kind'], { list: 'issues' | 'pullRequests'; typename: string; itemType: string }>
> = {
  label: { list: 'issues', typename: 'LabeledEvent', itemType: 'LABELED_EVENT' },
  close: { list: 'issues', typename: 'ClosedEvent', itemType: 'CLOSED_EVENT' },
  merge: { list: 'pullRequests', typename: 'MergedEvent', itemType: 'MERGED_EVENT' }
}

interface Item {
  number: number
  updatedAt: number
  events: { typename: string; itemType: string; at: number; login: string }[]
}

interface Page {
  first?: number
  last?: number
  after?: string | null
}

function slice<T>(
  items: T[],
  args: Page
): {
  nodes: T[]
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null; startCursor: string | null }
} {
  const start = args.after ? Number(args.after) : 0
  const rest = items.slice(start)
  if (args.last !== undefined) {
    const nodes = rest.slice(Math.max(0, rest.length - args.last))
    return {
      nodes,
      pageInfo: { hasNextPage: false, hasPreviousPage: rest.length > args.last, endCursor: null, startCursor: null }
    }
  }
  const n = args.first ?? 100
  const nodes = rest.slice(0, n)
  return {
    nodes,
    pageInfo: {
      hasNextPage: rest.length > n,
      hasPreviousPage: start > 0,
      endCursor: String(start + nodes.length),
      startCursor: String(start)
    }
  }
}

export function repositoryNode(world: World, repo: WorldRepo, serverUrl: string, seesPrivate: boolean) {
  const items = { issues: new Map<number, Item>(), pullRequests: new Map<number, Item>() }
  let auto = 1000
  for (const { login, activity } of activitiesIn(world, repo.fullName)) {
    const type = TIMELINE_TYPE[activity.kind]
    if (!type || (activity.private && !seesPrivate)) continue
    const number = activity.item ?? auto++
    const list = items[type.list]
    const item = list.get(number) ?? { number, updatedAt: 0, events: [] }
    item.events.push({ typename: type.typename, itemType: type.itemType, at: activity.at.getTime(), login })
    item.updatedAt = Math.max(item.updatedAt, activity.at.getTime())
    list.set(number, item)
  }
  const listOf =
    (kind: 'issues' | 'pullRequests', path: string) =>
    (args: Page & { filterBy?: { since?: string }; orderBy?: { field: string; direction: string } }) => {
      const since = args.filterBy?.since ? Date.parse(args.filterBy.since) : -Infinity
      const sorted = [...items[kind].values()]
        .filter((i) => i.updatedAt >= since)
        .sort((a, b) => b.updatedAt - a.updatedAt)
      const page = slice(sorted, args)
      return {
        pageInfo: page.pageInfo,
        nodes: page.nodes.map((item) => ({
          url: `${serverUrl}/${repo.fullName}/${path}/${item.number}`,
          updatedAt: new Date(item.updatedAt).toISOString(),
          // Timeline items come oldest first; `since` and `itemTypes` filter them (docs: Issue.timelineItems).
          timelineItems: (t: Page & { since?: string; itemTypes?: string[] }) => {
            const from = t.since ? Date.parse(t.since) : -Infinity
            const events = item.events
              .filter((e) => e.at >= from && (!t.itemTypes || t.itemTypes.includes(e.itemType)))
              .sort((a, b) => a.at - b.at)
              .map((e) => ({
                __typename: e.typename,
                createdAt: new Date(e.at).toISOString(),
                actor: { __typename: 'User', login: e.login }
              }))
            return slice(events, t)
          }
        }))
      }
    }
  return {
    __typename: 'Repository',
    nameWithOwner: repo.fullName,
    isPrivate: repo.private,
    url: `${serverUrl}/${repo.fullName}`,
    issues: listOf('issues', 'issues'),
    pullRequests: listOf('pullRequests', 'pull')
  }
}

/** The repository activity API's records (pushes to any branch and merges), newest first. */
export function repositoryActivities(
  world: World,
  repo: WorldRepo,
  now: Date,
  timePeriodDays: number | null
): Record<string, unknown>[] {
  const from = timePeriodDays === null ? -Infinity : now.getTime() - timePeriodDays * 24 * 60 * 60 * 1000
  return activitiesIn(world, repo.fullName)
    .filter(
      ({ activity }) =>
        ['push', 'commit', 'merge'].includes(activity.kind) &&
        activity.at.getTime() >= from &&
        activity.at.getTime() <= now.getTime()
    )
    .sort((a, b) => b.activity.at.getTime() - a.activity.at.getTime())
    .map(({ login, activity }, i) => ({
      id: i + 1,
      node_id: `A${i + 1}`,
      before: '0'.repeat(40),
      after: '1'.repeat(40),
      ref: activity.defaultBranch === false ? 'refs/heads/feature' : 'refs/heads/main',
      timestamp: activity.at.toISOString(),
      activity_type: activity.kind === 'merge' ? 'pr_merge' : 'push',
      actor: { login, type: 'User' }
    }))
}
