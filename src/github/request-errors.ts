/** Turns GitHub's error answers into messages that say what to fix. */
import { InputError } from '../errors.js'

export interface HttpError {
  status: number
  message: string
}

/** An answer that claimed to be JSON but did not parse, even when asked again: counted as a 502. */
export class GarbledAnswerError extends Error {
  override name = 'GarbledAnswerError'
  readonly status = 502
}

/**
 * Whether asking again later may succeed: a network fault, a 5xx, a body cut short, a rate limit.
 * Not a missing permission, a missing account or a bad request: those answer the same every time.
 */
export function mayPass(error: unknown): boolean {
  if (!isHttpError(error)) {
    // GraphQL errors without a status: a timeout ("Something went wrong while executing your
    // query") or RATE_LIMITED may pass; NOT_FOUND, FORBIDDEN and the like will not.
    const types = (error as { errors?: { type?: string }[] } | null)?.errors?.map((e) => e.type) ?? []
    return !types.some((t) => t === 'NOT_FOUND' || t === 'FORBIDDEN' || t === 'INSUFFICIENT_SCOPES')
  }
  if (error.status >= 500 || error.status === 429) return true
  return error.status === 403 && /rate limit/i.test(githubMessage(error))
}

export function isHttpError(error: unknown): error is HttpError {
  return typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
}

/** GitHub's own words for a failed request (octokit appends the documentation URL to `message`). */
export function githubMessage(error: HttpError): string {
  const body = (error as { response?: { data?: { message?: unknown } } }).response?.data
  return typeof body?.message === 'string' ? body.message : error.message
}

export const MEMBERS_PERMISSION =
  'read:org (classic personal access token) or Organization permission "Members: read" (fine-grained token or GitHub App)'

/** The message for a token GitHub refuses outright (401): revoked, expired or mistyped. */
export function rejectedTokenError(error: HttpError): InputError {
  return new InputError(
    `GitHub rejected the token (401 ${githubMessage(error)}): it is revoked, expired or mistyped. Give the action a valid token in the "token" input.`
  )
}

/**
 * Explains a failure to read an organization. 401 means the token itself is bad; 403 a missing
 * permission; 404 an organization that does not exist or is invisible to the token (GitHub answers
 * 404 rather than 403 for things a token may not know exist).
 */
export function organizationReadError(org: string, error: unknown): Error {
  if (!isHttpError(error)) return error instanceof Error ? error : new Error(String(error))
  const said = githubMessage(error)
  if ((error.status === 403 || error.status === 429) && /rate limit/i.test(said)) {
    return new Error(
      `GitHub's rate limit was spent while reading organization "${org}" (${error.status} ${said}). Run again after the reset, or use a token with a larger quota (a GitHub App on Enterprise Cloud allows 15,000 requests an hour).`
    )
  }
  switch (error.status) {
    case 401:
      return rejectedTokenError(error)
    case 403:
      return new InputError(
        `The token cannot list the members of organization "${org}" (403 ${said}). It needs ${MEMBERS_PERMISSION}; a GitHub App must also be installed on "${org}".`
      )
    case 404:
      return new InputError(
        `Organization "${org}" was not found, or the token cannot see it (404). Check the spelling in the roster; the token needs ${MEMBERS_PERMISSION}.`
      )
    default:
      return new Error(`Reading organization "${org}" failed: ${error.status} ${said}`)
  }
}
