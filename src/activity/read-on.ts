/**
 * Reading on. A person's first GraphQL page holds a few items of each list; when every item read
 * is one that does not count (private, outside the scope, an old comment edited lately) and the
 * list goes on inside the window, that page cannot settle them. Before, they were unknown for good:
 * with a token that sees private repositories, most staff of a company organization. Here each
 * such list is read on from its end cursor, a hundred items a page, until an item that counts
 * turns up, the list ends, or (ordered lists, newest first) it passes the start of the window.
 * What is still unread after READ_ON_ROUNDS pages stays a reason for unknown.
 */
import type { GitHubClient } from '../github/client.js'
import type { Failure } from '../github/failures.js'
import { type BatchDocument, askBatch } from '../github/graphql-batch.js'
import type { ActivityQuestion } from './cascade.js'
import { type Evidence, type EvidencePolicy, admits } from './evidence.js'
import { type ReadOnRequest, readOnDocument } from './read-on-query.js'
import { type ActivityList, type UserActivityData, readUserActivity } from './user-activity-answer.js'
import { COMMIT_REPOSITORIES_MAX, type Span } from './user-activity-query.js'

/** People a read-on query asks about: each brings up to a dozen 100-item connections. */
const READ_ON_PEOPLE = 10
/** Pages read on per list at the most: 1,000 items beyond the first page. */
const READ_ON_ROUNDS = 10

/** What is known of one person from their pages so far. */
export interface Reading {
  question: ActivityQuestion
  spans: Span[]
  evidence: Evidence[]
  /** An answer that was not complete (their own alias failed). */
  failure: Failure | null
  /** Lists whose unread part may still hold an act that counts. */
  unread: ActivityList[]
}

function countsFor(evidence: Evidence[], q: ActivityQuestion, policy: EvidencePolicy): boolean {
  return evidence.some((e) => admits(e, policy) && Date.parse(e.at) >= q.since.getTime())
}

/**
 * The lists that leave the person open: cut off with nothing in them that counts, and what is
 * unread may lie inside the window (for an ordered list: the last item read is inside it; for a
 * list read at both ends, `readTo` is; a list of no documented order read on goes to its end).
 */
export function unreadLists(
  lists: ActivityList[],
  q: ActivityQuestion,
  policy: EvidencePolicy,
  readingOn: boolean
): ActivityList[] {
  return lists.filter((l) => {
    if (!l.cutOff || countsFor(l.evidence, q, policy)) return false
    if (readingOn && !l.ordered) return true
    const readTo = l.readTo ?? l.evidence[l.evidence.length - 1]?.at
    return readTo === undefined || Date.parse(readTo) >= q.since.getTime()
  })
}

const readOnDoc: BatchDocument<ReadOnRequest> = { alias: 'u', build: readOnDocument }

/** Reads on for every open reading that can go on; returns the readings as they end. */
export async function readOn(
  client: GitHubClient,
  readings: Reading[],
  policy: EvidencePolicy,
  from: Date,
  onCost?: (points: number) => void
): Promise<void> {
  const canGoOn = (r: Reading): boolean =>
    r.failure === null && r.unread.some((l) => l.readOn) && !countsFor(r.evidence, r.question, policy)
  for (let round = 0; round < READ_ON_ROUNDS; round++) {
    const open = readings.filter(canGoOn)
    if (open.length === 0) return
    for (let i = 0; i < open.length; i += READ_ON_PEOPLE) {
      const batch = open.slice(i, i + READ_ON_PEOPLE)
      const requests = batch.map((r) => ({
        login: r.question.person.login,
        spans: r.spans,
        lists: r.unread.flatMap((l) => (l.readOn ? [l.readOn] : []))
      }))
      const answers = await askBatch(client, readOnDoc, requests, onCost ? { onCost } : {})
      batch.forEach((reading, k) => {
        const answer = answers[k]!
        const data = (answer.complete ? answer.data : answer.partial) as UserActivityData | null
        const lists = data ? readUserActivity(data, from, COMMIT_REPOSITORIES_MAX) : []
        reading.evidence.push(...lists.flatMap((l) => l.evidence))
        // Lists that cannot be read on (no cursor) stay as they were; the rest are replaced by their next page.
        const stuck = reading.unread.filter((l) => !l.readOn)
        reading.unread = [...stuck, ...unreadLists(lists, reading.question, policy, true)]
        if (!answer.complete) reading.failure = answer.failure
      })
    }
  }
}
