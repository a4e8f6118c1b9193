/**
 * One GraphQL query for many items at once (people, repositories), one alias each, and what to do
 * when GitHub answers only in part — shared by the user activity queries and the repository sweep.
 *
 * - An answer is complete only when GitHub says so: no error on its alias or below it (nor on the
 *   query as a whole), and every list entry present. GitHub answers HTTP 200 with `data` beside
 *   `errors` whose `path` points at the nodes it left null (a deleted or blocked item, one the token
 *   may not see, an internal timeout: docs.github.com/en/graphql/guides/forming-calls-with-graphql,
 *   "errors"; spec.graphql.org/October2021/#sec-Handling-Field-Errors: an error nulls the field and
 *   is listed with its path). Such an alias is handed over as a PartialAnswer: what it holds is real
 *   (an act seen is an act), what it lacks means nothing, so a caller cannot read it as "no activity".
 * - An alias that fails inside a good answer costs that item only; if the failure may pass ("Something
 *   went wrong while executing your query" on its path), the items it hit are asked once more, together.
 * - A query that fails whole (a timeout, RESOURCE_LIMITS_EXCEEDED, a 5xx after its retry) is asked
 *   again in halves: GitHub stops a query after 10 seconds and a smaller one is lighter
 *   (docs.github.com/en/graphql/overview/rate-limits-and-query-limits-for-the-graphql-api#timeouts).
 *   A BatchSize then keeps later batches smaller until a few queries in a row have gone through,
 *   since a timeout may be chance rather than weight.
 */
import type { GitHubClient } from './client.js'
import { type Failure, type GraphqlErrorEntry, aliasFailure, failureOf, isHttpError } from './failures.js'
import { BATCH_RECOVER_AFTER, GRAPHQL_BATCH_RETRIES } from './retry-policy.js'

/** GitHub answered for this alias in full. */
interface CompleteAnswer {
  complete: true
  data: unknown
}

/** Anything less than complete: read what it holds as found, never what it lacks as absent. */
export interface PartialAnswer {
  complete: false
  /** What GitHub gave beside the errors; null when it gave nothing for this alias. */
  partial: unknown
  /** What went wrong for this alias (its own errors, the query's, or the entries left out). */
  failure: Failure
  /**
   * Paths below the alias (without it) that GitHub left out: those of the errors on it, and of
   * the null list entries. Empty when the failure concerns the whole alias.
   */
  holes: (string | number)[][]
  /** GitHub could not resolve the alias's object (a renamed or deleted account, a missing repository). */
  notFound: boolean
  /** The whole query failed with this item alone in it: too heavy to ask this way. */
  alone: boolean
}

export type AliasAnswer = CompleteAnswer | PartialAnswer

export interface BatchDocument<T> {
  /** The query and its variables for `items`; alias `${alias}${i}` answers for items[i]. */
  build(items: T[]): { query: string; variables: Record<string, unknown> }
  alias: string
}

/** The batch size now in use: a whole-query failure halves it, a run of good queries doubles it back. */
export class BatchSize {
  private goodInARow = 0
  constructor(
    readonly max: number,
    public current = max
  ) {}

  failed(asked: number): void {
    this.current = Math.min(this.current, Math.ceil(asked / 2))
    this.goodInARow = 0
  }

  succeeded(asked: number): void {
    if (asked < this.current || this.current >= this.max || ++this.goodInARow < BATCH_RECOVER_AFTER) return
    this.current = Math.min(this.max, this.current * 2)
    this.goodInARow = 0
  }
}

interface Asked {
  data: Record<string, unknown> | null
  errors: GraphqlErrorEntry[]
}

export interface BatchOptions {
  /** Adapts to failures; without it every batch is asked at the size given. */
  size?: BatchSize
  /** Told the points each query cost (`rateLimit { cost }` in the document). */
  onCost?: (points: number) => void
}

/** Answers for `items`, one per item in order. */
export async function askBatch<T>(
  client: GitHubClient,
  doc: BatchDocument<T>,
  items: T[],
  options: BatchOptions = {},
  followUp = true
): Promise<AliasAnswer[]> {
  const asked = await askOnce(client, doc, items)
  if (!('data' in asked)) {
    const whole = asked.error
    if (items.length > 1 && !(isHttpError(whole) && [401, 403].includes(whole.status))) {
      options.size?.failed(items.length)
      const half = Math.ceil(items.length / 2)
      return [
        ...(await askBatch(client, doc, items.slice(0, half), options)),
        ...(await askBatch(client, doc, items.slice(half), options))
      ]
    }
    const failure = failureOf(whole, 'GraphQL request failed')
    const alone = items.length === 1 && !(isHttpError(whole) && whole.status < 500)
    return items.map((): PartialAnswer => ({
      complete: false,
      partial: null,
      failure,
      holes: [],
      notFound: false,
      alone
    }))
  }
  const cost = (asked.data?.rateLimit as { cost?: number } | undefined)?.cost
  if (typeof cost === 'number') options.onCost?.(cost)
  options.size?.succeeded(items.length)
  const answers = items.map((_, i) => aliasAnswer(asked, doc.alias, i))
  const mayPass = (a: AliasAnswer): boolean => !a.complete && a.failure.passing
  const again = followUp ? items.filter((_, i) => mayPass(answers[i]!)) : []
  if (again.length === 0) return answers
  const second = await askBatch(client, doc, again, options, false)
  let next = 0
  return answers.map((a) => (mayPass(a) ? second[next++]! : a))
}

/** One query; a partial answer (data beside errors) counts as an answer unless GitHub found it too heavy. */
async function askOnce<T>(
  client: GitHubClient,
  doc: BatchDocument<T>,
  items: T[]
): Promise<Asked | { error: unknown }> {
  const { query, variables } = doc.build(items)
  try {
    const data = await client.graphql<Record<string, unknown>>(query, {
      ...variables,
      request: { retries: GRAPHQL_BATCH_RETRIES }
    })
    return { data, errors: [] }
  } catch (error) {
    const partial = error as { data?: Record<string, unknown> | null; errors?: GraphqlErrorEntry[] }
    const tooMuch = partial.errors?.some((e) => e.type === 'RESOURCE_LIMITS_EXCEEDED') ?? false
    if (partial.errors && partial.data && !tooMuch) return { data: partial.data, errors: partial.errors }
    return { error }
  }
}

function aliasAnswer(asked: Asked, prefix: string, i: number): AliasAnswer {
  const alias = `${prefix}${i}`
  const own = asked.errors.filter((e) => e.path?.[0] === alias)
  // Errors on no alias (on the query, or on `rateLimit`) concern every item.
  const onAlias = (e: GraphqlErrorEntry): boolean =>
    typeof e.path?.[0] === 'string' && /^\d+$/.test(e.path[0].slice(prefix.length)) && e.path[0].startsWith(prefix)
  const general = asked.errors.filter((e) => !onAlias(e))
  const data = asked.data?.[alias] ?? null
  const holes = [...own.map((e) => e.path!.slice(1)), ...nullEntries(data)]
  const problems = [...own, ...general]
  if (data !== null && problems.length === 0 && holes.length === 0) return { complete: true, data }
  const failure: Failure = problems.length
    ? aliasFailure(problems)
    : data === null
      ? { message: 'no data', passing: true }
      : { message: `GitHub left ${holes.length} of its entries out of the answer`, passing: true }
  return {
    complete: false,
    partial: data,
    failure,
    holes: general.length ? [] : holes,
    notFound: own.some((e) => e.type === 'NOT_FOUND' && e.path!.length === 1),
    alone: false
  }
}

/**
 * Paths of the null entries of every list in `value`. GitHub's lists hold a null only where it
 * could not give the entry (the error that says why may be missing): never an answer of "none".
 */
function nullEntries(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value))
    return value.flatMap((entry, k) => (entry === null ? [[...path, k]] : nullEntries(entry, [...path, k])))
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, entry]) => nullEntries(entry, [...path, key]))
}
