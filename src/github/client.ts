/**
 * The one place a GitHub client is made. Everything that talks to GitHub receives a client from
 * here, so retries, rate-limit handling and request counting are the same everywhere.
 */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import Bottleneck from 'bottleneck/light.js'
import type { Logger } from '../logger.js'
import { GarbledAnswerError } from './request-errors.js'

export type GitHubClient = ReturnType<typeof getOctokit>

/** Requests made, by kind: the JSON report's `apiUsage` (PRODUCT.md). */
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
   * Scales every wait (retry back-off, rate-limit waits). 1 in production; tests make it small so
   * a retry after a 502 takes milliseconds instead of seconds.
   */
  waitScale?: number
  /** Longest wait for a primary rate-limit reset before giving up on the request. */
  maxRateLimitWaitSeconds?: number
  /** Told the REST quota left after each answer that says (`x-ratelimit-remaining`). */
  onRateLimitRemaining?: (remaining: number) => void
}

export function createGitHubClient(options: ClientOptions): GitHubClient {
  const { log, usage } = options
  const scale = options.waitScale ?? 1
  const maxWait = options.maxRateLimitWaitSeconds ?? 15 * 60

  const client = getOctokit(
    options.token,
    {
      baseUrl: options.apiUrl.replace(/\/+$/, ''),
      log: {
        debug: () => {},
        info: () => {},
        warn: (m: string) => log.warning(m),
        error: (m: string) => log.warning(m)
      },
      retry: { retryAfterBaseValue: 1000 * scale },
      throttle: {
        ...scaledSpacing(scale),
        retryAfterBaseValue: 1000 * scale,
        // Secondary limits (docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits):
        // wait what `retry-after` says, and try again a few times.
        onSecondaryRateLimit: (
          retryAfter: number,
          request: { method: string; url: string },
          _o: unknown,
          retryCount: number
        ) => {
          log.warning(
            `Secondary rate limit on ${request.method} ${request.url}; waiting ${retryAfter}s (try ${retryCount + 1} of 4).`
          )
          return retryCount < 3
        },
        // Primary limit: the quota is spent until x-ratelimit-reset. Wait when the reset is near;
        // otherwise the request fails and the people it was for are reported unknown.
        onRateLimit: (
          retryAfter: number,
          request: { method: string; url: string },
          _o: unknown,
          retryCount: number
        ) => {
          if (retryCount < 1 && retryAfter <= maxWait) {
            log.warning(`Rate limit spent on ${request.method} ${request.url}; waiting ${retryAfter}s for the reset.`)
            return true
          }
          log.warning(
            `Rate limit spent on ${request.method} ${request.url}; the reset is ${retryAfter}s away, not waiting.`
          )
          return false
        }
      }
    },
    throttling,
    retry
  )

  // An answer that says it is JSON but does not parse (a body cut short by a proxy or a dropped
  // connection mid-answer) is a transient fault like a 502: a read is asked again, twice at most.
  // @octokit/request hands such a body over as a string rather than failing, so it is caught here.
  client.hook.wrap('request', async (request, requestOptions) => {
    for (let attempt = 1; ; attempt++) {
      // Every request gets its own `request` options object: octokit shares one between all of a
      // client's requests, and the retry plugin counts tries on it (`options.request.retryCount`),
      // so parallel failures made each other wait (n+1)² seconds for ever larger n
      // (github.com/octokit/plugin-throttling.js/pull/462 describes the same sharing). The hooks
      // inside this one were given this same options object, so it is changed in place.
      requestOptions.request = { ...requestOptions.request, retryCount: 0 }
      const response = await request(requestOptions)
      if (!isGarbled(response)) return response
      const what = `${requestOptions.method} ${new URL(String(requestOptions.url), 'http://github.invalid').pathname}`
      if (attempt > 2 || !isRead(requestOptions))
        throw new GarbledAnswerError(`GitHub's answer to ${what} was not valid JSON (${attempt} tries)`)
      log.warning(`GitHub's answer to ${what} was not valid JSON; asking again.`)
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt * scale))
    }
  })
  client.hook.before('request', (request) => {
    const url = String(request.url)
    if (url.includes('/graphql')) usage.graphql++
    else if (url.includes('/search/')) usage.search++
    else usage.rest++
  })
  client.hook.after('request', (response) => {
    const left = Number(response.headers['x-ratelimit-remaining'])
    if (response.headers['x-ratelimit-resource'] !== 'graphql' && Number.isFinite(left))
      options.onRateLimitRemaining?.(left)
  })
  return client
}

/**
 * The throttling plugin spaces requests with its limiter groups: every GraphQL query and every
 * write at least 1 s apart, writes that notify 3 s, searches 2 s (@octokit/plugin-throttling,
 * `createGroups`; GitHub asks for a second between mutations:
 * docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api). At scale 1 the
 * plugin's own groups are kept (shared by every client in the process, as the plugin intends).
 * Tests pass a small scale: the same groups, same concurrency, spacing scaled, so the real plugin
 * still runs but a suite does not sleep through minutes of spacing.
 */
const scaledGroups = new Map<number, Record<'global' | 'write' | 'search' | 'notifications', Bottleneck.Group>>()
function scaledSpacing(scale: number): Record<string, Bottleneck.Group> {
  if (scale === 1) return {}
  let groups = scaledGroups.get(scale)
  if (!groups) {
    const group = (id: string, maxConcurrent: number, minTime: number): Bottleneck.Group =>
      new Bottleneck.Group({ id, maxConcurrent, minTime: Math.round(minTime * scale), timeout: 120_000 })
    groups = {
      global: group('octokit-global', 10, 0),
      write: group('octokit-write', 1, 1000),
      search: group('octokit-search', 1, 2000),
      notifications: group('octokit-notifications', 1, 3000)
    }
    scaledGroups.set(scale, groups)
  }
  return groups
}

function isGarbled(response: { status: number; headers: Record<string, unknown>; data: unknown }): boolean {
  return (
    response.status !== 204 &&
    typeof response.data === 'string' &&
    /\bjson\b/i.test(String(response.headers['content-type'] ?? ''))
  )
}

/** Requests that can be sent twice without harm: REST reads and GraphQL queries (not mutations). */
function isRead(options: { method?: string; url?: string; query?: unknown }): boolean {
  if (options.method === 'GET') return true
  return (
    /\/graphql$/.test(String(options.url)) && typeof options.query === 'string' && !/^\s*mutation\b/.test(options.query)
  )
}
