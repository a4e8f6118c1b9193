/**
 * First source: batched GraphQL (USERS_PER_QUERY people a query). Cheap per person, and it sees
 * back through the whole window for what it covers (see user-activity-query.ts).
 */
import type { GitHubClient } from '../github/client.js'
import { ACCOUNT_NOT_FOUND } from '../github/failures.js'
import { type AliasAnswer, type BatchDocument, BatchSize, askBatch } from '../github/graphql-batch.js'
import { isBot } from '../members/people.js'
import type { ActivityQuestion, ActivitySource, SourceAnswer } from './cascade.js'
import { type EvidencePolicy, admits } from './evidence.js'
import { type UserActivityData, readUserActivity } from './user-activity-answer.js'
import { type Span, USERS_PER_QUERY, spanVariables, splitSpan, userActivityDocument } from './user-activity-query.js'

const BOT_LIMIT = 'a bot account: GitHub shows only its last 30 days of public events'

export interface GraphqlSourceOptions {
  client: GitHubClient
  /** Start of the widest window in the roster; the query spans from it to `now`. */
  from: Date
  now: Date
  /** Adds the points a query cost (`rateLimit.cost`) to the run's API usage. */
  onCost?: (points: number) => void
  /** People answered for so far, of how many. */
  onProgress?: (done: number, total: number) => void
}

export function graphqlSource(options: GraphqlSourceOptions): ActivitySource {
  const size = new BatchSize(USERS_PER_QUERY)
  return {
    name: 'graphql',
    async check(questions, policy) {
      const answers = new Map<string, SourceAnswer>()
      // Bots are not Users to GraphQL (`user(login: "x[bot]")` is NOT_FOUND): only their events,
      // 30 days of them, can be read, so without recent events a bot's activity is not known.
      for (const q of questions)
        if (isBot(q.person)) answers.set(q.person.key, { evidence: [], error: BOT_LIMIT, lasting: true })
      const users = questions.filter((q) => !isBot(q.person))
      let next = 0
      while (next < users.length) {
        const batch = users.slice(next, next + size.current)
        next += batch.length
        await askUsers(options, batch, policy, answers, size)
        options.onProgress?.(next, users.length)
      }
      return answers
    }
  }
}

function usersDocument(spans: Span[]): BatchDocument<ActivityQuestion> {
  return {
    alias: 'u',
    build: (batch) => ({
      query: userActivityDocument(batch.length, spans.length),
      variables: { ...spanVariables(spans), ...Object.fromEntries(batch.map((q, i) => [`l${i}`, q.person.login])) }
    })
  }
}

async function askUsers(
  options: GraphqlSourceOptions,
  batch: ActivityQuestion[],
  policy: EvidencePolicy,
  answers: Map<string, SourceAnswer>,
  size: BatchSize
): Promise<void> {
  const year: Span = { from: options.from, to: options.now }
  const found = await askBatch(options.client, usersDocument([year]), batch, { size, ...onCost(options) })
  for (const [i, q] of batch.entries()) {
    let answer = found[i]!
    // One heavy account alone is still too much over a year: ask over four quarters instead
    // (contributions over a shorter span are lighter for GitHub to count).
    if (!answer.complete && answer.alone)
      answer = (await askBatch(options.client, usersDocument(splitSpan(year, 4)), [q], onCost(options)))[0]!
    answers.set(q.person.key, sourceAnswer(answer, q, options.from, policy))
  }
}

function onCost(options: GraphqlSourceOptions): { onCost?: (points: number) => void } {
  return options.onCost ? { onCost: options.onCost } : {}
}

/**
 * What one user's alias says. Comments are read back to the start of the query (the widest
 * window), so a person held to a shorter window still shows when they were last seen. A list
 * longer than one page reads the same when asked again; an error on the alias may not.
 */
function sourceAnswer(answer: AliasAnswer, q: ActivityQuestion, from: Date, policy: EvidencePolicy): SourceAnswer {
  const user = (answer.complete ? answer.data : answer.partial) as UserActivityData | null
  const failure = answer.complete ? null : answer.notFound ? ACCOUNT_NOT_FOUND : answer.failure
  if (!user) return { evidence: [], error: failure!.message, lasting: !failure!.passing }
  const lists = readUserActivity(user, from)
  const evidence = lists.flatMap((l) => l.evidence)
  const problems = failure ? [failure.message] : []
  for (const l of lists) {
    const counted = l.evidence.some((e) => admits(e, policy) && Date.parse(e.at) >= q.since.getTime())
    // Unread items are older than the last one read (for a list read at both ends: than `readTo`).
    const readTo = l.readTo ?? l.evidence[l.evidence.length - 1]?.at
    const lastInWindow = readTo === undefined || Date.parse(readTo) >= q.since.getTime()
    if (l.cutOff && !counted && lastInWindow)
      problems.push(`${l.name}: more items than one page, none of those read counts`)
  }
  if (problems.length === 0) return { evidence }
  return { evidence, error: problems.join('; '), lasting: failure ? !failure.passing : true }
}
