/**
 * The one vocabulary of failures. A failure is what could not be read, in words for the person
 * who reads the report, and whether asking again later may succeed (`passing`: a network fault, a
 * 5xx, a body cut short, a rate limit) or not (a missing permission or account: the same answer
 * every time). explain.ts turns a failure that stops the run into a message that says what to fix.
 */

export interface HttpError {
  status: number
  message: string
}

export interface Failure {
  message: string
  /** Asking again later may succeed. */
  passing: boolean
}

/** An answer that claimed to be JSON but did not parse, even when asked again: counted as a 502. */
export class GarbledAnswerError extends Error {
  override name = 'GarbledAnswerError'
  readonly status = 502
}

/**
 * A read answered with a success status its route does not document (202 Accepted, 204 No Content
 * where a list belongs): no answer, never an empty one. Counted as a passing fault, like a 502.
 */
export class UndocumentedAnswerError extends Error {
  override name = 'UndocumentedAnswerError'
  readonly status = 502
}

/** An entry of a GraphQL answer's `errors` (docs.github.com/en/graphql/guides/forming-calls-with-graphql). */
export interface GraphqlErrorEntry {
  type?: string
  message: string
  path?: (string | number)[]
}

/** GraphQL error types that answer the same every time: the thing is missing or forbidden. */
const LASTING_GRAPHQL_TYPES = new Set(['NOT_FOUND', 'FORBIDDEN', 'INSUFFICIENT_SCOPES'])

export function isHttpError(error: unknown): error is HttpError {
  return typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
}

/** GitHub's own words for a failed request (octokit appends the documentation URL to `message`). */
export function githubMessage(error: HttpError): string {
  const body = (error as { response?: { data?: { message?: unknown } } }).response?.data
  return typeof body?.message === 'string' ? body.message : error.message
}

/** A primary or secondary rate limit (403 or 429 saying so). */
export function isRateLimit(error: unknown): boolean {
  return (
    isHttpError(error) && (error.status === 403 || error.status === 429) && /rate limit/i.test(githubMessage(error))
  )
}

/** Whether asking again later may succeed. */
function mayPass(error: unknown): boolean {
  if (!isHttpError(error)) {
    // GraphQL errors without a status: a timeout ("Something went wrong while executing your
    // query") or RATE_LIMITED may pass; NOT_FOUND, FORBIDDEN and the like will not.
    const entries = (error as { errors?: GraphqlErrorEntry[] } | null)?.errors ?? []
    return !entries.some((e) => e.type !== undefined && LASTING_GRAPHQL_TYPES.has(e.type))
  }
  return error.status >= 500 || error.status === 429 || isRateLimit(error)
}

/** What went wrong, in GitHub's words with the status: "502 Bad Gateway". */
export function describe(error: unknown): string {
  if (isHttpError(error)) return `${error.status} ${githubMessage(error)}`
  return error instanceof Error ? error.message : String(error)
}

/** A failed request as a Failure; `doing`, when given, says what was being read ("events request failed"). */
export function failureOf(error: unknown, doing?: string): Failure {
  return { message: doing ? `${doing}: ${describe(error)}` : describe(error), passing: mayPass(error) }
}

/** The failure of one alias of a GraphQL answer, from the errors on its path. */
export function aliasFailure(entries: GraphqlErrorEntry[]): Failure {
  const lasting = entries.some((e) => e.type !== undefined && LASTING_GRAPHQL_TYPES.has(e.type))
  return { message: entries.map((e) => e.message).join('; ') || 'no data', passing: !lasting }
}

/** An account the user APIs no longer know: renamed or deleted since the member list was read. */
export const ACCOUNT_NOT_FOUND: Failure = {
  message: 'account not found (renamed or deleted since the member list was read?)',
  passing: false
}
