/**
 * What a run is expected to cost, said at the start so a security team knows before the budget is
 * spent whether the token's hourly quota will carry it. Pure.
 */
import { count } from '../text/people.js'

export interface CostEstimate {
  rest: number
  graphqlPoints: number
}

/**
 * The run's expected cost for `people`, from the measured ratios in docs/benchmarks.md (about
 * 0.47 REST requests and 0.19 GraphQL points per person, rounded up here for margin).
 */
export function estimateCost(people: number): CostEstimate {
  return { rest: Math.ceil(people * 0.55) + 30, graphqlPoints: Math.ceil(people * 0.25) + 5 }
}

/** The log line for the estimate, with the REST quota left when it is known. */
export function costLine(cost: CostEstimate, restRemaining: number | null): string {
  const left = restRemaining != null ? `; ${count(restRemaining, 'REST request')} left this hour` : ''
  return `Estimated cost: about ${cost.rest} REST requests and ${cost.graphqlPoints} GraphQL points${left}.`
}

/** The warning when the quota left will not pay for the run (null when it will, or is unknown). */
export function budgetWarning(cost: CostEstimate, restRemaining: number | null): string | null {
  if (restRemaining == null || restRemaining >= cost.rest) return null
  return (
    `This run needs about ${cost.rest} REST requests and ${restRemaining} are left this hour: people it cannot check ` +
    'will be unknown. A GitHub App token on Enterprise Cloud allows 15,000 an hour.'
  )
}

/** What the organizations' repositories add to the run, known once they are listed. */
export interface TrafficCost {
  repositories: number
  /** Pushed to inside the window: each costs at least one read of its activity. */
  pushedRecently: number
  /** Open issues and pull requests (`open_issues_count`), whose timelines the sweep pages. */
  openItems: number
  rest: number
  graphqlQueries: number
}

/**
 * The sweep's expected cost from the repository listing: a GraphQL query per 20 repositories per
 * page of 25 items, and per repository pushed to in the window a page of its activity and one of
 * its roles (busier ones cost more, bounded by the pages of pushes, but no more than that).
 */
export function trafficCost(
  repos: { pushed_at: string | null; open_issues_count?: number }[],
  since: Date
): TrafficCost {
  const pushedRecently = repos.filter((r) => r.pushed_at && Date.parse(r.pushed_at) >= since.getTime()).length
  const openItems = repos.reduce((n, r) => n + (r.open_issues_count ?? 0), 0)
  const itemPages = Math.max(1, Math.ceil(openItems / Math.max(1, repos.length) / 25))
  return {
    repositories: repos.length,
    pushedRecently,
    openItems,
    rest: 2 * pushedRecently,
    graphqlQueries: Math.ceil(repos.length / 20) * itemPages
  }
}

export function trafficLine(cost: TrafficCost): string {
  return (
    `Repositories: ${count(cost.repositories, 'repository', 'repositories')}, ${cost.pushedRecently} pushed to in the window, ` +
    `${count(cost.openItems, 'open issue or pull request', 'open issues and pull requests')}: the sweep costs about ${cost.rest} more REST requests and ${cost.graphqlQueries} GraphQL queries.`
  )
}
