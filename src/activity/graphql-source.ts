/**
 * First source: batched GraphQL (USERS_PER_QUERY people a query). Cheap per person, and it sees
 * back through the whole window for what it covers (see user-activity-query.ts).
 */
import type { GitHubClient } from '../github/client.js'
import { githubMessage, isHttpError } from '../github/request-errors.js'
import { isBot } from '../members/people.js'
import type { ActivityQuestion, ActivitySource, SourceAnswer } from './cascade.js'
import { type EvidencePolicy, admits } from './evidence.js'
import { USERS_PER_QUERY, type UserActivityData, readUserActivity, userActivityDocument } from './user-activity-query.js'

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

export interface GraphqlSourceOptions {
  client: GitHubClient
  /** Start of the widest window in the roster; the query spans from it to `now`. */
  from: Date
  now: Date
  /** Adds the points a query cost (`rateLimit.cost`) to the run's API usage. */
  onCost?: (points: number) => void
}

export function graphqlSource(options: GraphqlSourceOptions): ActivitySource {
  return {
    name: 'graphql',
    async check(questions, policy) {
      const answers = new Map<string, SourceAnswer>()
      // Bots are not Users to GraphQL (`user(login: "x[bot]")` is NOT_FOUND): only their events,
      // 30 days of them, can be read, so without recent events a bot's activity is not known.
      const users = questions.filter((q) => !isBot(q.person))
      for (const q of questions) if (isBot(q.person)) answers.set(q.person.key, { evidence: [], error: BOT_LIMIT })
      for (let i = 0; i < users.length; i += USERS_PER_QUERY) {
        await askBatch(options, users.slice(i, i + USERS_PER_QUERY), policy, answers)
      }
      return answers
    }
  }
}

async function askBatch(options: GraphqlSourceOptions, batch: ActivityQuestion[], policy: EvidencePolicy, answers: Map<string, SourceAnswer>): Promise<void> {
  const variables: Record<string, string> = { from: options.from.toISOString(), to: options.now.toISOString() }
  batch.forEach((q, i) => {
    variables[`l${i}`] = q.person.login
  })
  let data: Record<string, unknown> | undefined
  let errors: GraphqlErrorEntry[] = []
  try {
    data = await options.client.graphql<Record<string, unknown>>(userActivityDocument(batch.length), variables)
  } catch (error) {
    const failure = error as GraphqlFailure
    if (failure.errors && failure.data) {
      // Partial answer: GitHub still answers for the other aliases (one renamed or deleted account
      // must cost that person only).
      data = failure.data
      errors = failure.errors
    } else if (batch.length > 1 && !(isHttpError(error) && [401, 403].includes(error.status))) {
      // A whole query failed (timeout, RESOURCE_LIMITS_EXCEEDED, 5xx after retries): ask in halves.
      const half = Math.ceil(batch.length / 2)
      await askBatch(options, batch.slice(0, half), policy, answers)
      await askBatch(options, batch.slice(half), policy, answers)
      return
    } else {
      const reason = describeFailure(error)
      for (const q of batch) answers.set(q.person.key, { evidence: [], error: reason })
      return
    }
  }

  const cost = (data?.rateLimit as { cost?: number } | undefined)?.cost
  if (typeof cost === 'number') options.onCost?.(cost)
  const batchErrors = errors.filter((e) => !e.path || typeof e.path[0] !== 'string' || !/^u\d+$/.test(e.path[0]))
  batch.forEach((q, i) => {
    const alias = `u${i}`
    const own = errors.filter((e) => e.path?.[0] === alias)
    const user = data?.[alias] as UserActivityData | null | undefined
    if (!user) {
      const notFound = own.some((e) => e.type === 'NOT_FOUND')
      answers.set(q.person.key, {
        evidence: [],
        error: notFound ? 'account not found (renamed or deleted since the member list was read?)' : (own[0]?.message ?? batchErrors[0]?.message ?? 'no data')
      })
      return
    }
    // Comments are read back to the start of the query (the widest window), so a person held to a
    // shorter window still shows when they were last seen.
    const lists = readUserActivity(user, options.from)
    const evidence = lists.flatMap((l) => l.evidence)
    const problems = [...own, ...batchErrors].map((e) => e.message)
    for (const l of lists) {
      const counted = l.evidence.some((e) => admits(e, policy) && Date.parse(e.at) >= q.since.getTime())
      const lastInWindow = l.evidence.length === 0 || Date.parse(l.evidence[l.evidence.length - 1]!.at) >= q.since.getTime()
      if (l.cutOff && !counted && lastInWindow) problems.push(`${l.name}: more items than one page, none of those read counts`)
    }
    answers.set(q.person.key, problems.length ? { evidence, error: problems.join('; ') } : { evidence })
  })
}

function describeFailure(error: unknown): string {
  if (isHttpError(error)) return `GraphQL request failed: ${error.status} ${githubMessage(error)}`
  return `GraphQL request failed: ${error instanceof Error ? error.message : String(error)}`
}
