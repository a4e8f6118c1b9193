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
