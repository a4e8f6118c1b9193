/**
 * First source: batched GraphQL (USERS_PER_QUERY people a query). Cheap per person, and it sees
 * back through the whole window for what it covers (see user-activity-query.ts).
 */
import type { GitHubClient } from '../github/client.js'
import { ACCOUNT_NOT_FOUND, type Failure } from '../github/failures.js'
import { type AliasAnswer, type BatchDocument, BatchSize, askBatch } from '../github/graphql-batch.js'
import { isBot } from '../members/people.js'
import type { ActivityQuestion, ActivitySource, SourceAnswer } from './cascade.js'
import type { EvidencePolicy } from './evidence.js'
import { type Reading, readOn, unreadLists } from './read-on.js'
import { type UserActivityData, readUserActivity } from './user-activity-answer.js'
import { type Span, USERS_PER_QUERY, spanVariables, splitSpan, userActivityDocument } from './user-activity-query.js'

const BOT_LIMIT: Failure = {
  message: 'a bot account: GitHub shows only its last 30 days of public events',
  passing: false
}

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
      for (const q of questions) if (isBot(q.person)) answers.set(q.person.key, { evidence: [], failure: BOT_LIMIT })
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
  const readings: Reading[] = []
  for (const [i, q] of batch.entries()) {
    let answer = found[i]!
    let spans = [year]
    // One heavy account alone is still too much over a year: ask over four quarters instead
    // (contributions over a shorter span are lighter for GitHub to count).
    if (!answer.complete && answer.alone) {
      spans = splitSpan(year, 4)
      answer = (await askBatch(options.client, usersDocument(spans), [q], onCost(options)))[0]!
    }
    readings.push(firstReading(answer, q, spans, options.from, policy))
  }
  await readOn(options.client, readings, policy, options.from, options.onCost)
  for (const r of readings) answers.set(r.question.person.key, answerOf(r))
}

function onCost(options: GraphqlSourceOptions): { onCost?: (points: number) => void } {
  return options.onCost ? { onCost: options.onCost } : {}
}

/**
 * What one user's alias says. Comments are read back to the start of the query (the widest
 * window), so a person held to a shorter window still shows when they were last seen. A list
 * longer than one page is read on (read-on.ts); an error on the alias is not.
 */
function firstReading(
  answer: AliasAnswer,
  question: ActivityQuestion,
  spans: Span[],
  from: Date,
  policy: EvidencePolicy
): Reading {
  const user = (answer.complete ? answer.data : answer.partial) as UserActivityData | null
  const failure = answer.complete ? null : answer.notFound ? ACCOUNT_NOT_FOUND : answer.failure
  const lists = user ? readUserActivity(user, from) : []
  return {
    question,
    spans,
    evidence: lists.flatMap((l) => l.evidence),
    failure,
    unread: unreadLists(lists, question, policy, false)
  }
}

function answerOf(r: Reading): SourceAnswer {
  const problems = [
    ...(r.failure ? [r.failure.message] : []),
    ...r.unread.map((l) => `${l.name}: more items than were read, none of those read counts`)
  ]
  if (problems.length === 0) return { evidence: r.evidence }
  // A list with more than reading on may page through reads the same when asked again.
  return { evidence: r.evidence, failure: { message: problems.join('; '), passing: r.failure?.passing ?? false } }
}
