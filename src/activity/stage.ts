/**
 * The activity stage: what each person did and when, asked of the sources cheapest per person
 * first (cascade.ts), with a second round for the people a source failed for (recheck.ts).
 */
import type { ApiUsage, GitHubClient } from '../github/client.js'
import type { Logger } from '../logger.js'
import type { Person } from '../members/people.js'
import type { Roster } from '../roster/roster.js'
import { loginKey } from '../roster/roster.js'
import { daysBefore } from '../verdicts/days.js'
import { type PersonWindow, personWindow, widestWindowDays } from '../verdicts/window.js'
import { type ActivityFindings, type ActivitySource, type SourceObserver, findActivity } from './cascade.js'
import { type TrafficCost, budgetWarning, costLine, estimateCost, trafficCost, trafficLine } from './cost.js'
import { eventsSource } from './events-source.js'
import type { EvidencePolicy } from './evidence.js'
import { graphqlSource } from './graphql-source.js'
import { recheckWithinQuota } from './recheck.js'
import { repositorySweepSource } from './repository-sweep.js'
import { RECHECK_PAUSE_MS } from '../github/retry-policy.js'
import { ReadOnce } from '../github/read-once.js'

export interface ActivityDeps {
  client: GitHubClient
  /** What the run reads once with `client` (github/read-once.ts); a new one when not given. */
  reads?: ReadOnce
  roster: Roster
  now: Date
  log: Logger
  usage: ApiUsage
  /** Web address of GitHub (GITHUB_SERVER_URL), for links. */
  serverUrl: string
  /** Told before each activity source runs, with how many people it is asked about. */
  observeSources?: SourceObserver
  /** Source names in the order to ask them (the benchmark compares orders); default the cheapest. */
  sourceOrder?: string[]
  /** Told how far a source has come: `done` of `total` (people or repositories). */
  progress?: (stage: string, done: number, total: number) => void
  /** REST requests left this hour when the run started (null: unknown, or no rate limiting). */
  restRemaining?: number | null
  /** Pause before asking again about people a source failed for. */
  recheckPauseMs?: number
}

export interface ActivityOutcome {
  /** Each person's window, by key. */
  windows: Map<string, PersonWindow>
  findings: Map<string, ActivityFindings>
  /** The widest window in the roster, which the sources were asked to cover. */
  windowDays: number
  since: Date
  /** Set when the estimated cost exceeded the REST requests left at the start. */
  budgetWarning: string | null
}

export async function readActivity(people: Person[], deps: ActivityDeps): Promise<ActivityOutcome> {
  const { roster, now, log } = deps
  const cost = estimateCost(people.length)
  log.info(costLine(cost, deps.restRemaining ?? null))
  let warning = budgetWarning(cost, deps.restRemaining ?? null)
  if (warning) log.warning(warning)
  // Once the sweep has listed the repositories, the estimate sees their traffic too.
  const onTraffic = (traffic: TrafficCost): void => {
    log.info(trafficLine(traffic))
    const seen = budgetWarning({ ...cost, rest: cost.rest + traffic.rest }, deps.restRemaining ?? null)
    if (seen && !warning) log.warning(seen)
    warning = seen ?? warning
  }

  const windowDays = widestWindowDays(roster)
  const since = daysBefore(now, windowDays)
  const windows = new Map(people.map((person) => [person.key, personWindow(person, roster, now)]))
  const questions = people.map((person) => ({ person, ...windows.get(person.key)! }))
  const { measured, recheck } = recheckWithinQuota(chooseSources(deps, since, onTraffic), {
    client: deps.client,
    usage: deps.usage,
    log,
    pauseMs: deps.recheckPauseMs ?? RECHECK_PAUSE_MS
  })
  const observe: SourceObserver = (source, asked) => {
    log.info(`Activity: ${source} for ${asked} people`)
    deps.observeSources?.(source, asked)
  }
  const findings = await findActivity(questions, measured, evidencePolicy(roster), observe, recheck)
  return { windows, findings, windowDays, since, budgetWarning: warning }
}

/** Which evidence counts under the roster (`count-private-activity`, `activity-scope`). */
function evidencePolicy(roster: Roster): EvidencePolicy {
  return {
    countPrivateActivity: roster.countPrivateActivity,
    scopeOrgs: roster.activityScope === 'orgs' ? new Set(roster.orgs.map((o) => loginKey(o.login))) : null
  }
}

/**
 * Cheapest per person first: one GraphQL query answers for 50 people over the whole window; the
 * sweep reads each org repository once for everyone left; events cost a request per person.
 */
function chooseSources(deps: ActivityDeps, since: Date, onTraffic: (cost: TrafficCost) => void): ActivitySource[] {
  const { client, now, serverUrl } = deps
  const reads = deps.reads ?? new ReadOnce(client)
  const onCost = (points: number): void => {
    deps.usage.graphqlPoints += points
  }
  const progress = (stage: string) => (done: number, total: number) => deps.progress?.(stage, done, total)
  const orgs = deps.roster.orgs.map((o) => o.login)
  const available = [
    graphqlSource({ client, from: since, now, onCost, onProgress: progress('graphql') }),
    repositorySweepSource({
      reads,
      orgs,
      since,
      serverUrl,
      onCost,
      onProgress: progress('repository-sweep'),
      onRepositories: (repos) => onTraffic(trafficCost(repos, since))
    }),
    eventsSource(client, serverUrl, progress('events'))
  ]
  return deps.sourceOrder ? deps.sourceOrder.map((name) => available.find((s) => s.name === name)!) : available
}
