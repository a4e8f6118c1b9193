/**
 * Busy issues and pull requests, read back to the start of the window: each one's timeline is
 * paged backwards (`last`/`before` from the page's `startCursor`, while `hasPreviousPage`) by its
 * global ID (`node(id:)`, docs.github.com/en/graphql/reference/queries#node), several items a
 * query. An item is read further only while someone still unsettled could be among its actors
 * (blast-radius.ts); one that fails alone makes unknown only those people.
 */
import type { GitHubClient } from '../github/client.js'
import { type BatchDocument, askBatch } from '../github/graphql-batch.js'
import { readRolesOf } from '../github/repository-roles.js'
import type { ReadOnce } from '../github/read-once.js'
import { type Radius, radiusOf } from './blast-radius.js'
import type { Evidence } from './evidence.js'
import { type BusyItem, type TimelinePage, busyItem, readTimeline, timeline } from './repository-sweep-query.js'

/** Items per query; each costs about one point per 100 (a `node` with one 100-item connection). */
const ITEMS_PER_QUERY = 20
/** Acts per page back: GitHub's largest `last`. */
const PAGE = 100

export interface BusyReader {
  client: GitHubClient
  reads: ReadOnce
  since: Date
  onCost?: (points: number) => void
  /** Lower-case logins still unsettled, now. */
  left(): string[]
  record(login: string, evidence: Evidence): void
  fail(what: string, failure: { message: string; passing: boolean }, radius: Radius): void
}

function busyDocument(since: string): BatchDocument<BusyItem> {
  return {
    alias: 't',
    build: (items) => {
      const vars = ['$since: DateTime!']
      const variables: Record<string, string> = { since }
      const parts = items.map((item, i) => {
        vars.push(`$id${i}: ID!`, `$b${i}: String`)
        variables[`id${i}`] = item.id
        variables[`b${i}`] = item.before
        const type = item.list === 'issues' ? 'Issue' : 'PullRequest'
        return `  t${i}: node(id: $id${i}) { ... on ${type} { ${timeline(item.list, PAGE, `$b${i}`)} } }`
      })
      return {
        query: `query BusyTimelines(${vars.join(', ')}) {\n${parts.join('\n')}\n  rateLimit { cost }\n}`,
        variables
      }
    }
  }
}

/**
 * Who still unsettled could have acted on the item: its author, or triage there; anyone, for a
 * pull request from a fork (its head branch's force pushes need no role here).
 */
export async function radiusFor(
  reader: BusyReader,
  item: Pick<BusyItem, 'repo' | 'author' | 'crossRepository'>
): Promise<Radius> {
  if (item.crossRepository) return 'everyone'
  return radiusOf(await readRolesOf(reader.reads, item.repo, reader.left()), reader.left(), 'triage', item.author)
}

async function concernsSomeone(reader: BusyReader, item: BusyItem): Promise<boolean> {
  if (reader.left().length === 0) return false
  const radius = await radiusFor(reader, item)
  return radius === 'everyone' || radius.size > 0
}

/** Pages every busy item back until it is read to the window's start or concerns nobody left. */
export async function readBusyTimelines(reader: BusyReader, busy: BusyItem[]): Promise<void> {
  const doc = busyDocument(reader.since.toISOString())
  let open = busy
  while (open.length > 0 && reader.left().length > 0) {
    const wanted: BusyItem[] = []
    for (const item of open) if (await concernsSomeone(reader, item)) wanted.push(item)
    const batch = wanted.slice(0, ITEMS_PER_QUERY)
    const answers = await askBatch(reader.client, doc, batch, reader.onCost ? { onCost: reader.onCost } : {})
    const next: BusyItem[] = []
    for (const [i, item] of batch.entries()) {
      const answer = answers[i]!
      // What a partial answer holds is read; what it lacks concerns those who could have acted here.
      if (!answer.complete) reader.fail(item.url, answer.failure, await radiusFor(reader, item))
      const data = (answer.complete ? answer.data : answer.partial) as { timelineItems?: TimelinePage } | null
      const page = data?.timelineItems
      if (!page) continue
      const acts = new Map<string, Evidence>()
      readTimeline(page, item, reader.since, acts)
      for (const [login, evidence] of acts) reader.record(login, evidence)
      const more = busyItem(page, item)
      if (more) next.push(more)
    }
    open = [...next, ...wanted.slice(ITEMS_PER_QUERY)]
  }
}
