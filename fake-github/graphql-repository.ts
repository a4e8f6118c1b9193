/**
 * `repository(owner:, name:)` for the fake GraphQL API: issues and pull requests with their
 * timelines, derived from the world's labels, closes and merges. Each such act sits on an issue or
 * pull request of its own unless the activity names one (`item`), so busy items can be modelled.
 */
import { type ConnectionArgs, connection } from './graphql-connection.js'
import type { Activity, World, WorldRepo } from './world.js'
import { activitiesIn, findUser } from './world.js'
import { simpleUser } from './rest-shapes.js'

type List = 'issues' | 'pullRequests'

/** Timeline events each act leaves, and on which list its item sits (an issue unless `onPullRequest`). */
const TIMELINE_TYPE: Partial<Record<Activity['kind'], { list?: List; typename: string; itemType: string }>> = {
  label: { typename: 'LabeledEvent', itemType: 'LABELED_EVENT' },
  unlabel: { typename: 'UnlabeledEvent', itemType: 'UNLABELED_EVENT' },
  assign: { typename: 'AssignedEvent', itemType: 'ASSIGNED_EVENT' },
  close: { typename: 'ClosedEvent', itemType: 'CLOSED_EVENT' },
  merge: { list: 'pullRequests', typename: 'MergedEvent', itemType: 'MERGED_EVENT' },
  force_push: { list: 'pullRequests', typename: 'HeadRefForcePushedEvent', itemType: 'HEAD_REF_FORCE_PUSHED_EVENT' }
}

interface Item {
  number: number
  updatedAt: number
  author: string | null
  crossRepository: boolean
  events: { typename: string; itemType: string; at: number; login: string }[]
}

type Items = Record<List, Map<number, Item>>

function itemsOf(world: World, repo: WorldRepo, seesPrivate: boolean): Items {
  const items: Items = { issues: new Map(), pullRequests: new Map() }
  let auto = 1000
  for (const { login, activity } of activitiesIn(world, repo.fullName)) {
    const type = TIMELINE_TYPE[activity.kind]
    if (!type || (activity.private && !seesPrivate)) continue
    const number = activity.item ?? auto++
    const list = items[type.list ?? (activity.onPullRequest ? 'pullRequests' : 'issues')]
    const item = list.get(number) ?? { number, updatedAt: 0, author: null, crossRepository: false, events: [] }
    item.author ??= activity.itemAuthor ?? null
    item.crossRepository ||= activity.fromFork === true
    item.events.push({ typename: type.typename, itemType: type.itemType, at: activity.at.getTime(), login })
    item.updatedAt = Math.max(item.updatedAt, activity.at.getTime())
    list.set(number, item)
  }
  return items
}

/** An item's global ID, as `node(id:)` takes it: opaque, naming the repository, the list and the number. */
const itemId = (repo: string, list: List, number: number): string =>
  Buffer.from(`${list === 'issues' ? 'Issue' : 'PullRequest'}:${repo}#${number}`).toString('base64')

function timelineArgsCheck(t: ConnectionArgs): void {
  const n = t.first ?? t.last
  if (n === undefined || n > 100) throw new Error('timelineItems needs `first` or `last`, at most 100')
}

function itemNode(world: World, repo: WorldRepo, list: List, item: Item, serverUrl: string) {
  const login = (l: string) => ({ __typename: findUser(world, l)?.type === 'Bot' ? 'Bot' : 'User', login: l })
  return {
    __typename: list === 'issues' ? 'Issue' : 'PullRequest',
    id: itemId(repo.fullName, list, item.number),
    number: item.number,
    url: `${serverUrl}/${repo.fullName}/${list === 'issues' ? 'issues' : 'pull'}/${item.number}`,
    updatedAt: new Date(item.updatedAt).toISOString(),
    author: item.author ? login(item.author) : null,
    ...(list === 'pullRequests' ? { isCrossRepository: item.crossRepository } : {}),
    // Timeline items come oldest first; `since` and `itemTypes` filter them, `last`/`before` page
    // backwards from the newest (docs: Issue.timelineItems).
    timelineItems: (t: ConnectionArgs & { since?: string; itemTypes?: string[] }) => {
      timelineArgsCheck(t)
      const from = t.since ? Date.parse(t.since) : -Infinity
      const events = item.events
        .filter((e) => e.at >= from && (!t.itemTypes || t.itemTypes.includes(e.itemType)))
        .sort((a, b) => a.at - b.at)
        .map((e) => ({ __typename: e.typename, createdAt: new Date(e.at).toISOString(), actor: login(e.login) }))
      return connection(events, t)
    }
  }
}

export function repositoryNode(world: World, repo: WorldRepo, serverUrl: string, seesPrivate: boolean) {
  const items = itemsOf(world, repo, seesPrivate)
  const listOf =
    (kind: List) =>
    (args: ConnectionArgs & { filterBy?: { since?: string }; orderBy?: { field: string; direction: string } }) => {
      const since = args.filterBy?.since ? Date.parse(args.filterBy.since) : -Infinity
      const sorted = [...items[kind].values()]
        .filter((i) => i.updatedAt >= since)
        .sort((a, b) => b.updatedAt - a.updatedAt)
        .map((item) => itemNode(world, repo, kind, item, serverUrl))
      return connection(sorted, args)
    }
  return {
    __typename: 'Repository',
    nameWithOwner: repo.fullName,
    isPrivate: repo.private,
    url: `${serverUrl}/${repo.fullName}`,
    issues: listOf('issues'),
    pullRequests: listOf('pullRequests')
  }
}

/** `node(id:)` for an issue or pull request ID handed out above; null for any other ID. */
export function itemById(
  world: World,
  id: string,
  serverUrl: string,
  seesPrivate: boolean,
  repoNamed: (fullName: string) => WorldRepo | undefined
) {
  const match = /^(Issue|PullRequest):(.+)#(\d+)$/.exec(Buffer.from(id, 'base64').toString('utf8'))
  if (!match) return null
  const repo = repoNamed(match[2]!)
  if (!repo || (repo.private && !seesPrivate)) return null
  const list: List = match[1] === 'Issue' ? 'issues' : 'pullRequests'
  const item = itemsOf(world, repo, seesPrivate)[list].get(Number(match[3]))
  return item ? itemNode(world, repo, list, item, serverUrl) : null
}

/** The repository activity API's records (pushes to any branch and merges), newest first. */
export function repositoryActivities(
  world: World,
  repo: WorldRepo,
  now: Date,
  timePeriodDays: number | null,
  serverUrl = 'https://github.com'
): Record<string, unknown>[] {
  const from = timePeriodDays === null ? -Infinity : now.getTime() - timePeriodDays * 24 * 60 * 60 * 1000
  return activitiesIn(world, repo.fullName)
    .filter(
      ({ activity }) =>
        PUSH_KINDS.includes(activity.kind) &&
        // A force push to a fork's branch happens in the fork: the base repository does not list it.
        !activity.fromFork &&
        activity.at.getTime() >= from &&
        activity.at.getTime() <= now.getTime()
    )
    .sort((a, b) => b.activity.at.getTime() - a.activity.at.getTime())
    .map(({ login, activity }, i) => ({
      id: i + 1,
      node_id: `A${i + 1}`,
      before: '0'.repeat(40),
      after: '1'.repeat(40),
      ref: activity.defaultBranch === false ? `refs/heads/${activity.branch ?? 'feature'}` : 'refs/heads/main',
      timestamp: activity.at.toISOString(),
      activity_type: activity.kind === 'merge' ? 'pr_merge' : activity.kind === 'force_push' ? 'force_push' : 'push',
      actor: simpleUser(world, login, serverUrl)
    }))
}

/** What the repository activity API lists: pushes (forced or not) to any branch, and merges. */
export const PUSH_KINDS: Activity['kind'][] = ['push', 'commit', 'merge', 'force_push']
