/**
 * Can the tracking repository be found, does it have issues, and can the issue token write there?
 * What a read can tell is asked before anything is written: the repository itself (404 when the
 * token cannot see it; `has_issues`), a classic token's scopes, and a user token's role in it
 * (`permissions`, docs.github.com/en/rest/repos/repos#get-a-repository). A fine-grained or App
 * token's Issues permission shows only when it writes; a refusal then stops the run with the same
 * guidance (github/explain.ts).
 */
import type { ReadOnce } from '../github/read-once.js'
import { describe, isHttpError } from '../github/failures.js'
import { type RepositoryJson, readRepository } from '../github/repository.js'
import { REQUIREMENTS } from './requirements.js'
import { type TokenFacts, hasScope } from './token.js'

export interface TrackingCheck {
  problems: string[]
  /** Said in the log: labels a triager-less token cannot set. */
  warnings: string[]
}

export async function checkTrackingRepository(
  reads: ReadOnce,
  repo: string,
  facts: TokenFacts,
  writes: boolean,
  apply = false
): Promise<TrackingCheck> {
  const needs = REQUIREMENTS.trackingIssue.needs[facts.kind]
  let data: RepositoryJson
  try {
    data = await readRepository(reads, repo)
  } catch (error) {
    if (isHttpError(error) && error.status === 404) {
      return {
        problems: [
          `Tracking repository ${repo} was not found, or the "issue-token" input (else "token") cannot see it (404). Check tracking-issue.repo in the roster; the token needs ${needs}.`
        ],
        warnings: []
      }
    }
    return {
      problems: [`Tracking repository ${repo} could not be read with the issue token (${describe(error)}).`],
      warnings: []
    }
  }
  const problems: string[] = []
  if (data.has_issues === false)
    problems.push(
      `Issues are disabled in tracking repository ${repo}. Enable them, or set tracking-issue.repo to another repository.`
    )
  if (!writes) return { problems, warnings: [] }
  const scope = data.private ? 'repo' : 'public_repo'
  if (!hasScope(facts, scope))
    problems.push(
      `Tracking repository ${repo}: the issue token is a classic token without the ${scope} scope, so it cannot write issues there. It needs ${needs}.`
    )
  // The apply lock is a git reference there (src/adjust/lock.ts): a user token's role must allow pushing.
  if (apply && data.permissions && !data.permissions.push)
    problems.push(
      `mode is apply, but the issue token's account has no write access to ${repo}: it cannot take the apply lock there (a git reference). It needs ${REQUIREMENTS.applyLock.needs[facts.kind]}.`
    )
  const warnings =
    data.permissions && !data.permissions.triage && !data.permissions.push
      ? [
          `The issue token's account (${facts.account.login}) has no triage access to ${repo}: GitHub drops the tracking issue's labels silently; the issue is still found by its author.`
        ]
      : []
  return { problems, warnings }
}
