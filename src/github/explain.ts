/**
 * The one mapper from GitHub's refusals to messages that say what to fix. A failure that stops the
 * run before anything is written is an InputError (exit 1); anything else stays a plain Error.
 * GitHub answers 404 rather than 403 for things a token may not know exist, so a 404 names both
 * causes (docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#404-not-found-for-an-existing-resource).
 */
import { InputError } from '../errors.js'
import { type HttpError, describe, githubMessage, isHttpError, isRateLimit } from './failures.js'

const MEMBERS_PERMISSION =
  'read:org (classic personal access token) or Organization permission "Members: read" (fine-grained token or GitHub App)'

const ISSUES_PERMISSION =
  'Issues: write on that repository (the workflow\'s GITHUB_TOKEN with "permissions: issues: write" will do)'

/** What was being read or written when GitHub refused, and which token input was used. */
export type Subject =
  | { kind: 'organization'; org: string }
  | { kind: 'team'; team: string }
  | { kind: 'repository'; repo: string; doing: string }
  | { kind: 'tracking-repository'; repo: string; doing: string }

type Guide = (said: string) => string

function guidance(subject: Subject): Partial<Record<number, Guide>> {
  switch (subject.kind) {
    case 'organization':
      return {
        403: (said) =>
          `The token cannot list the members of organization "${subject.org}" (403 ${said}). It needs ${MEMBERS_PERMISSION}; a GitHub App must also be installed on "${subject.org}".`,
        404: () =>
          `Organization "${subject.org}" was not found, or the token cannot see it (404). Check the spelling in the roster; the token needs ${MEMBERS_PERMISSION}.`
      }
    case 'team': {
      const missing = (status: number): string =>
        `Team "${subject.team}" (roster teams) was not found, or the token cannot see it (${status}). Check the slug; the token needs ${MEMBERS_PERMISSION}.`
      return { 403: () => missing(403), 404: () => missing(404) }
    }
    case 'repository':
      return {
        403: (said) => `The token cannot ${subject.doing} ${subject.repo} (403 ${said}).`,
        404: () => `Repository ${subject.repo} was not found, or the token cannot ${subject.doing} it (404).`
      }
    case 'tracking-repository':
      return {
        403: (said) =>
          `The issue token cannot ${subject.doing} ${subject.repo} (403 ${said}). It needs ${ISSUES_PERMISSION}.`,
        404: () =>
          `Tracking repository ${subject.repo} was not found, or the issue token cannot see it (404). Check tracking-issue.repo in the roster.`,
        410: () =>
          `Issues are disabled in tracking repository ${subject.repo} (410). Enable them, or set tracking-issue.repo to another repository.`
      }
  }
}

function what(subject: Subject): string {
  switch (subject.kind) {
    case 'organization':
      return `reading organization "${subject.org}"`
    case 'team':
      return `reading team "${subject.team}"`
    case 'repository':
    case 'tracking-repository':
      return `trying to ${subject.doing} ${subject.repo}`
  }
}

/** The message for a token GitHub refuses outright (401): revoked, expired or mistyped. */
export function rejectedTokenError(error: HttpError, input: 'token' | 'issue-token' = 'token'): InputError {
  const which = input === 'token' ? 'the token' : 'the issue token'
  const where = input === 'token' ? 'the "token" input' : '"issue-token" (or "token")'
  return new InputError(
    `GitHub rejected ${which} (401 ${githubMessage(error)}): it is revoked, expired or mistyped. Give a valid token in ${where}.`,
    { cause: error }
  )
}

/** Explains GitHub's refusal for `subject`: what to fix when a person can fix it. */
export function explain(error: unknown, subject: Subject): Error {
  if (!isHttpError(error)) return error instanceof Error ? error : new Error(String(error))
  // GitHub's answer stays on the explanation as its `cause`, for a debugger or a log that wants it.
  const cause = { cause: error }
  if (isRateLimit(error)) {
    return new Error(
      `GitHub's rate limit was spent while ${what(subject)} (${describe(error)}). Run again after the reset, or use a token with a larger quota (a GitHub App on Enterprise Cloud allows 15,000 requests an hour).`,
      cause
    )
  }
  if (error.status === 401)
    return rejectedTokenError(error, subject.kind === 'tracking-repository' ? 'issue-token' : 'token')
  const guide = guidance(subject)[error.status]
  if (guide) return new InputError(guide(githubMessage(error)), cause)
  return new Error(`Failed ${what(subject)}: ${describe(error)}`, cause)
}
