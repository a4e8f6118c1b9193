/**
 * When the cascade may ask again about people a source failed for: after a pause, and only when
 * the REST quota left pays for it (GET /rate_limit, which costs nothing against the quota:
 * docs.github.com/en/rest/rate-limit/rate-limit). Asking again when the primary limit is spent
 * would only fail again.
 */
import type { ApiUsage, GitHubClient } from '../github/client.js'
import { readRateLimit } from '../github/rate-limit.js'
import type { Logger } from '../logger.js'
import type { ActivitySource, Recheck } from './cascade.js'

export interface RecheckOptions {
  client: GitHubClient
  usage: ApiUsage
  log: Logger
  pauseMs: number
}

/** The sources, measured (REST requests each took the first time), and the recheck rule using it. */
export function recheckWithinQuota(
  sources: ActivitySource[],
  options: RecheckOptions
): { measured: ActivitySource[]; recheck: Recheck } {
  const { client, usage, log, pauseMs } = options
  const firstCost = new Map<string, number>()
  const measured = sources.map((source): ActivitySource => ({
    name: source.name,
    async check(asked, policy) {
      const before = usage.rest
      try {
        return await source.check(asked, policy)
      } finally {
        if (!firstCost.has(source.name)) firstCost.set(source.name, usage.rest - before)
      }
    }
  }))
  const recheck: Recheck = {
    pauseMs,
    async affordable(plan) {
      const quota = await readRateLimit(client).catch(() => null)
      if (!quota) return true
      // Events cost a request per person (two for a busy one); the sweep at most what it cost the
      // first time; GraphQL has its own budget, and a query spent there fails alone.
      let needed = 10
      for (const [name, people] of plan)
        needed += name === 'events' ? 2 * people : name === 'repository-sweep' ? (firstCost.get(name) ?? 0) : 0
      if (quota.remaining >= needed) return true
      log.warning(
        `Not asking again about the people who could not be checked: that needs about ${needed} REST requests and ${quota.remaining} are left until ${quota.reset.toISOString()}.`
      )
      return false
    },
    starting(plan) {
      const asked = [...plan].map(([name, people]) => `${name} for ${people}`).join(', ')
      log.warning(
        `Some sources failed for some people even after retrying; asking them again in ${Math.round(pauseMs / 1000)} s (${asked}).`
      )
    }
  }
  return { measured, recheck }
}
