/**
 * First source: batched GraphQL (USERS_PER_QUERY people a query). Cheap per person, and it sees
 * back through the whole window for what it covers (see user-activity-query.ts).
 */
import type { GitHubClient } from '../github/client.js'
import { githubMessage, isHttpError, mayPass } from '../github/request-errors.js'
import { isBot } from '../members/people.js'
import type { ActivityQuestion, ActivitySource, SourceAnswer } from './cascade.js'
import { type EvidencePolicy, admits } from './evidence.js'
import {
  type Span,
  USERS_PER_QUERY,
  type UserActivityData,
  readUserActivity,
  spanVariables,
  splitSpan,
  userActivityDocument
} from './user-activity-query.js'

interface GraphqlErrorEntry {
  type?: string
  message: string
  path?: (string | number)[]
}

interface GraphqlFailure {
  errors?: GraphqlErrorEntry[]
  data?: Record<string, unknown>
}

const BOT_LIMIT = 'a bot account: GitHub shows only its last 30 days of public events'

/** Queries answered in a row at a reduced batch size before it is doubled again. */
const RECOVER_AFTER = 3

/** The batch size now in use; a failed query halves it, a run of good ones doubles it back. */
interface BatchState {
  batchSize: number
  goodInARow: number
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
  const state: BatchState = { batchSize: USERS_PER_QUERY, goodInARow: 0 }
  return {
    name: 'graphql',
    async check(questions, policy) {
      const answers = new Map<string, SourceAnswer>()
      // Bots are not Users to GraphQL (`user(login: "x[bot]")` is NOT_FOUND): only their events,
      // 30 days of them, can be read, so without recent events a bot's activity is not known.
      const users = questions.filter((q) => !isBot(q.person))
      for (const q of questions)
        if (isBot(q.person)) answers.set(q.person.key, { evidence: [], error: BOT_LIMIT, lasting: true })
      let next = 0
      while (next < users.length) {
        const batch = users.slice(next, next + state.batchSize)
        next += batch.length
        await askBatch(options, state, batch, policy, answers)
        options.onProgress?.(next, users.length)
      }
      return answers
    }
  }
}

async function askBatch(
  options: GraphqlSourceOptions,
  state: BatchState,
  batch: ActivityQuestion[],
  policy: EvidencePolicy,
  answers: Map<string, SourceAnswer>,
  spans: Span[] = [{ from: options.from, to: options.now }],
  followUp = true
): Promise<void> {
  const variables: Record<string, string> = spanVariables(spans)
  batch.forEach((q, i) => {
    variables[`l${i}`] = q.person.login
  })
  let data: Record<string, unknown> | undefined
  let errors: GraphqlErrorEntry[] = []
  try {
    // One retry for a passing fault; a query that keeps failing is split below rather than retried more.
    data = await options.client.graphql<Record<string, unknown>>(userActivityDocument(batch.length, spans.length), {
      ...variables,
      request: { retries: 1 }
    })
  } catch (error) {
    const failure = error as GraphqlFailure
    const tooMuch = failure.errors?.some((e) => e.type === 'RESOURCE_LIMITS_EXCEEDED') ?? false
    if (failure.errors && failure.data && !tooMuch) {
      // Partial answer: GitHub still answers for the other aliases (one renamed or deleted account
      // must cost that person only).
      data = failure.data
      errors = failure.errors
    } else if (batch.length > 1 && !(isHttpError(error) && [401, 403].includes(error.status))) {
      // The whole query failed (timeout, RESOURCE_LIMITS_EXCEEDED, 5xx after retries): ask in
      // halves, and keep later batches at that size until a few queries in a row have gone
      // through (a timeout may be chance rather than weight: docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api#timeouts).
      const half = Math.ceil(batch.length / 2)
      state.batchSize = Math.min(state.batchSize, half)
      state.goodInARow = 0
      await askBatch(options, state, batch.slice(0, half), policy, answers)
      await askBatch(options, state, batch.slice(half), policy, answers)
      return
    } else if (batch.length === 1 && spans.length === 1 && !(isHttpError(error) && error.status < 500)) {
      // One heavy account alone is still too much over a year: ask over four quarters instead
      // (contributions over a shorter span are lighter for GitHub to count).
      await askBatch(options, state, batch, policy, answers, splitSpan(spans[0]!, 4))
      return
    } else {
      const reason = describeFailure(error)
      for (const q of batch) answers.set(q.person.key, { evidence: [], error: reason, lasting: !mayPass(error) })
      return
    }
  }
  const cost = (data?.rateLimit as { cost?: number } | undefined)?.cost
  if (typeof cost === 'number') options.onCost?.(cost)
  if (
    spans.length === 1 &&
    batch.length >= state.batchSize &&
    state.batchSize < USERS_PER_QUERY &&
    ++state.goodInARow >= RECOVER_AFTER
  ) {
    state.batchSize = Math.min(USERS_PER_QUERY, state.batchSize * 2)
    state.goodInARow = 0
  }
  const batchErrors = errors.filter((e) => !e.path || typeof e.path[0] !== 'string' || !/^u\d+$/.test(e.path[0]))
  batch.forEach((q, i) => {
    const alias = `u${i}`
    const own = errors.filter((e) => e.path?.[0] === alias)
    const user = data?.[alias] as UserActivityData | null | undefined
    if (!user) {
      const notFound = own.some((e) => e.type === 'NOT_FOUND')
      answers.set(q.person.key, {
        evidence: [],
        error: notFound
          ? 'account not found (renamed or deleted since the member list was read?)'
          : (own[0]?.message ?? batchErrors[0]?.message ?? 'no data'),
        lasting: notFound
      })
      return
    }
    // Comments are read back to the start of the query (the widest window), so a person held to a
    // shorter window still shows when they were last seen.
    const lists = readUserActivity(user, options.from)
    const evidence = lists.flatMap((l) => l.evidence)
    const problems = [...own, ...batchErrors].map((e) => e.message)
    // A list longer than one page reads the same when asked again; an error on the alias may not.
    const lasting = problems.length === 0
    for (const l of lists) {
      const counted = l.evidence.some((e) => admits(e, policy) && Date.parse(e.at) >= q.since.getTime())
      const lastInWindow =
        l.evidence.length === 0 || Date.parse(l.evidence[l.evidence.length - 1]!.at) >= q.since.getTime()
      if (l.cutOff && !counted && lastInWindow)
        problems.push(`${l.name}: more items than one page, none of those read counts`)
    }
    answers.set(q.person.key, problems.length ? { evidence, error: problems.join('; '), lasting } : { evidence })
  })
  // GitHub sometimes fails one alias of a query that otherwise answered ("Something went wrong
  // while executing your query" on that path): those people are asked again once, together.
  const again = followUp ? batch.filter((q) => answers.get(q.person.key)?.lasting === false) : []
  if (again.length) await askBatch(options, state, again, policy, answers, spans, false)
}

function describeFailure(error: unknown): string {
  if (isHttpError(error)) return `GraphQL request failed: ${error.status} ${githubMessage(error)}`
  return `GraphQL request failed: ${error instanceof Error ? error.message : String(error)}`
}
