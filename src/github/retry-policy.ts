/**
 * Every retry setting in one place; the client, the sources and the README (through `npm run
 * docs`, which writes `retryPolicyText()` into it) all read them from here.
 */

/**
 * Failed reads (5xx, dropped connections) are retried by @octokit/plugin-retry this many times,
 * waiting (n+1)² seconds before retry n: 1, 4, 9. Its default; named here so it is said once.
 */
export const SERVER_ERROR_RETRIES = 3

/** A GraphQL batch is retried once; a batch that still fails is asked again in halves. */
export const GRAPHQL_BATCH_RETRIES = 1

/** Tries of a read whose JSON answer does not parse (a body cut short), the first included. */
export const GARBLED_TRIES = 3

/** Tries of a request that meets a secondary rate limit, each after `retry-after` (or 60 s). */
export const SECONDARY_LIMIT_TRIES = 4

/** Longest wait for a spent primary rate limit to reset; a later reset fails the request. */
export const PRIMARY_RESET_WAIT_SECONDS = 15 * 60

/** Pause before the cascade's second round for the people a source failed for. */
export const RECHECK_PAUSE_MS = 60_000

/** Good GraphQL queries in a row at a reduced batch size before the size is doubled back. */
export const BATCH_RECOVER_AFTER = 3

/** The README's paragraph on retries, written from the settings above. */
export function retryPolicyText(): string {
  const waits = Array.from({ length: SERVER_ERROR_RETRIES }, (_, n) => (n + 1) ** 2).join(', ')
  return [
    `How it rides out GitHub's bad minutes: a read that fails with a 5xx or a dropped connection is tried up to`,
    `${SERVER_ERROR_RETRIES + 1} times with growing waits (${waits} s); a GraphQL batch is tried ${GRAPHQL_BATCH_RETRIES + 1} times, then asked in`,
    `halves; a JSON answer cut short is tried up to ${GARBLED_TRIES} times; a secondary rate limit (403 or 429) waits what`,
    `\`retry-after\` says, up to ${SECONDARY_LIMIT_TRIES} tries; a spent primary limit is waited for when its reset is within`,
    `${PRIMARY_RESET_WAIT_SECONDS / 60} minutes. When the cascade is through, the people a source still failed for are asked`,
    `again, after ${RECHECK_PAUSE_MS / 60_000 === 1 ? 'a minute' : `${RECHECK_PAUSE_MS / 60_000} minutes`}, by that source only, if the quota left pays for it. What still fails is`,
    '`unknown`.'
  ].join('\n')
}
