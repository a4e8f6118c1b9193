import type { GitHubClient } from './client.js'
import { rejectedTokenError } from './explain.js'
import { isHttpError } from './failures.js'

export interface RateLimitState {
  limit: number
  remaining: number
  reset: Date
}

/**
 * The core REST quota. Reading it costs nothing against the quota
 * (docs.github.com/en/rest/rate-limit/rate-limit). GitHub Enterprise Server answers 404
 * "Rate limiting is not enabled." when it has no limits: that is null, not an error.
 */
export async function readRateLimit(client: GitHubClient): Promise<RateLimitState | null> {
  try {
    const { data } = await client.request('GET /rate_limit')
    const core = data.resources.core
    return { limit: core.limit, remaining: core.remaining, reset: new Date(core.reset * 1000) }
  } catch (error) {
    if (isHttpError(error) && error.status === 404) return null
    // The first request of a run: a revoked token shows here, before anything else is read.
    if (isHttpError(error) && error.status === 401) throw rejectedTokenError(error)
    throw error
  }
}
