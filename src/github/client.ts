/**
 * The one place a GitHub client is made. Everything that talks to GitHub receives a client from
 * here, so retries, rate-limit handling and request counting are the same everywhere. The retry
 * settings themselves are retry-policy.ts's.
 */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { Logger } from '../logger.js'
import { GarbledAnswerError, UndocumentedAnswerError } from './failures.js'
import {
  GARBLED_TRIES,
  PRIMARY_RESET_WAIT_SECONDS,
  SECONDARY_LIMIT_TRIES,
  SERVER_ERROR_RETRIES
} from './retry-policy.js'
import { scaledSpacing } from './spacing.js'

export type GitHubClient = ReturnType<typeof getOctokit>

/** Requests made, by kind: the JSON report's `apiUsage` (docs/contract.md). */
export interface ApiUsage {
  rest: number
  graphql: number
  graphqlPoints: number
  search: number
}

export function emptyUsage(): ApiUsage {
  return { rest: 0, graphql: 0, graphqlPoints: 0, search: 0 }
}

export interface ClientOptions {
  token: string
  /** REST base URL; GraphQL is derived from it the way GitHub Enterprise Server lays it out. */
  apiUrl: string
  log: Logger
  usage: ApiUsage
  /**
   * Scales every wait (retry back-off, rate-limit waits, the plugin's spacing between requests).
   * 1 in production; tests make it small so a retry after a 502 takes milliseconds, not seconds.
   */
  waitScale?: number
  /** Longest wait for a primary rate-limit reset before giving up on the request. */
  maxRateLimitWaitSeconds?: number
  /** Told the REST quota left after each answer that says (`x-ratelimit-remaining`). */
  onRateLimitRemaining?: (remaining: number) => void
}

/**
 * The success status of the REST reads the action makes, as GitHub's REST description documents
 * each (github.com/github/rest-api-description; the fake's routes are checked against it by the
 * suite): 200, but for the membership checks, whose "yes" is 204 (404 is their "no": docs
 * orgs/members#check-organization-membership-for-a-user and #check-public-organization-membership-for-a-user).
 * Any other 2xx (202 Accepted, a 204 where a list belongs) is not the answer.
 */
const CHECK_ROUTES = [/^\/orgs\/[^/]+\/(public_)?members\/[^/]+$/]

function documentedReadStatus(path: string): number {
  const check = CHECK_ROUTES.some((route) => route.test(path.replace(/^\/api\/v3(?=\/)/, '')))
  return check ? 204 : 200
}

interface LimitedRequest {
  method: string
  url: string
}

export function createGitHubClient(options: ClientOptions): GitHubClient {
  const scale = options.waitScale ?? 1
  const client = getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl.replace(/\/+$/, ''),
      log: { debug: () => {}, info: () => {}, warn: options.log.warning, error: options.log.warning },
      retry: { retries: SERVER_ERROR_RETRIES, retryAfterBaseValue: 1000 * scale },
      throttle: { ...scaledSpacing(scale), retryAfterBaseValue: 1000 * scale, ...rateLimitHandlers(options) }
    },
    throttling,
    retry
  )
  client.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 1; ; attempt++) {
      // Every request gets its own `request` options object: octokit shares one between all of a
      // client's requests, and the retry plugin counts tries on it (`options.request.retryCount`),
      // so parallel failures made each other wait (n+1)² seconds for ever larger n
      // (github.com/octokit/plugin-throttling.js/pull/462 describes the same sharing). The hooks
      // inside this one were given this same options object, so it is changed in place.
      requestOptions.request = { ...requestOptions.request, retryCount: 0 }
      const response = await request(requestOptions)
      if (requestOptions.method === 'GET') {
        const path = new URL(String(requestOptions.url), 'http://github.invalid').pathname
        const documented = documentedReadStatus(path)
        if (response.status !== documented)
          throw new UndocumentedAnswerError(
            `GitHub answered GET ${path} with ${response.status}, not ${documented}: no answer`
          )
      }
      if (!isGarbled(response)) return response
      await garbled(requestOptions, attempt, options.log, scale)
    }
  })
  client.hook.before('request', (request) => countRequest(options.usage, String(request.url)))
  client.hook.after('request', (response) => {
    const left = Number(response.headers['x-ratelimit-remaining'])
    if (response.headers['x-ratelimit-resource'] !== 'graphql' && Number.isFinite(left))
      options.onRateLimitRemaining?.(left)
  })
  return client
}

function rateLimitHandlers(options: ClientOptions) {
  const { log } = options
  const maxWait = options.maxRateLimitWaitSeconds ?? PRIMARY_RESET_WAIT_SECONDS
  return {
    // Secondary limits (docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits):
    // wait what `retry-after` says, and try again a few times.
    onSecondaryRateLimit: (retryAfter: number, request: LimitedRequest, _o: unknown, retryCount: number) => {
      const tries = `try ${retryCount + 1} of ${SECONDARY_LIMIT_TRIES}`
      log.warning(`Secondary rate limit on ${request.method} ${request.url}; waiting ${retryAfter}s (${tries}).`)
      return retryCount < SECONDARY_LIMIT_TRIES - 1
    },
    // Primary limit: the quota is spent until x-ratelimit-reset. Wait when the reset is near;
    // otherwise the request fails and the people it was for are reported unknown.
    onRateLimit: (retryAfter: number, request: LimitedRequest, _o: unknown, retryCount: number) => {
      const what = `Rate limit spent on ${request.method} ${request.url}`
      if (retryCount < 1 && retryAfter <= maxWait) {
        log.warning(`${what}; waiting ${retryAfter}s for the reset.`)
        return true
      }
      log.warning(`${what}; the reset is ${retryAfter}s away, not waiting.`)
      return false
    }
  }
}

/**
 * Called when an answer says it is JSON but does not parse (a body cut short by a proxy, or a
 * dropped connection mid-answer): a passing fault like a 502, so a read is asked again after a
 * pause; past the tries, or for a write, it fails. @octokit/request hands such a body over as a
 * string rather than failing, so it is caught in the client's request hook.
 */
async function garbled(
  request: { method?: string; url?: string; query?: unknown },
  attempt: number,
  log: Logger,
  scale: number
) {
  const what = `${request.method} ${new URL(String(request.url), 'http://github.invalid').pathname}`
  if (attempt >= GARBLED_TRIES || !isRead(request)) {
    throw new GarbledAnswerError(`GitHub's answer to ${what} was not valid JSON (${attempt} tries)`)
  }
  log.warning(`GitHub's answer to ${what} was not valid JSON; asking again.`)
  await new Promise((resolve) => setTimeout(resolve, 1000 * attempt * scale))
}

function countRequest(usage: ApiUsage, url: string): void {
  if (url.includes('/graphql')) usage.graphql++
  else if (url.includes('/search/')) usage.search++
  else usage.rest++
}

function isGarbled(response: { status: number; headers: Record<string, unknown>; data: unknown }): boolean {
  const json = /\bjson\b/i.test(String(response.headers['content-type'] ?? ''))
  return response.status !== 204 && typeof response.data === 'string' && json
}

/** Requests that can be sent twice without harm: REST reads and GraphQL queries (not mutations). */
function isRead(options: { method?: string; url?: string; query?: unknown }): boolean {
  if (options.method === 'GET') return true
  const graphql = /\/graphql$/.test(String(options.url))
  return graphql && typeof options.query === 'string' && !/^\s*mutation\b/.test(options.query)
}
