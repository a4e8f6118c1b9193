/**
 * The stages of one run (run.ts calls them in order), each given the run's context and what the
 * stages before it gave. The context is made once, by startRun: the roster, the clients and what
 * each token has read once (github/read-once.ts), and whether the run's texts are public.
 */
import { InputError } from './errors.js'
import type { ApiUsage, GitHubClient } from './github/client.js'
import { connect } from './github/connect.js'
import { type RateLimitState, readRateLimit } from './github/rate-limit.js'
import { ReadOnce } from './github/read-once.js'
import { isPublicRepository } from './github/repository.js'
import type { Settings } from './inputs.js'
import type { Person } from './members/people.js'
import { type Preflight, preflight } from './preflight/preflight.js'
import { isClassicToken } from './preflight/token.js'
import { writeReportFiles } from './reports/files.js'
import { notChecked } from './reports/not-checked.js'
import { loadRoster } from './roster/load.js'
import type { Roster } from './roster/roster.js'
import type { RunIO } from './run-io.js'
import { publicLog } from './text/public-log.js'
import type { TrackingRepo } from './tracking-issue/find.js'
import { trackingIssueId } from './tracking-issue/issue-id.js'
import { type TrackOutcome, keepTrackingIssue, parseRepository } from './tracking-issue/track.js'
import { incompleteReason } from './verdicts/completeness.js'
import type { AuditResult } from './verdicts/result.js'

/** What one run holds from its start to its end. */
export interface RunContext {
  settings: Settings
  io: RunIO
  roster: Roster
  apply: boolean
  client: GitHubClient
  issueClient: GitHubClient
  /** What each token has read once this run (github/read-once.ts). */
  reads: ReadOnce
  issueReads: ReadOnce
  usage: ApiUsage
  rateLimitRemaining: () => number | null
  /** The REST quota at the start (null: no rate limiting). */
  before: RateLimitState | null
  /** In Actions the summary and the log are public when the workflow's repository is; from a terminal they are not. */
  summaryIsPublic: boolean
  where: TrackingRepo | null
  /** Tells the log's redaction whom the run found (text/public-log.ts). */
  know: (people: Person[]) => void
}

/** The roster (before any request: a bad roster costs no call), the clients, the quota, the visibility. */
export async function startRun(settings: Settings, given: RunIO): Promise<RunContext> {
  const roster = await readRoster(settings)
  const { log, know } = publicLog(given.log)
  const io: RunIO = { ...given, log }
  const { client, issueClient, usage, rateLimitRemaining } = connect(settings, log, io.waitScale)
  const reads = new ReadOnce(client)
  const issueReads = issueClient === client ? reads : new ReadOnce(issueClient)
  const before = await readRateLimit(client)
  log.info(rateLimitLine(before, 'left'))
  const summaryIsPublic = settings.repository ? await isPublicRepository(reads, settings.repository) : false
  return {
    settings,
    io,
    roster,
    apply: settings.mode === 'apply',
    client,
    issueClient,
    reads,
    issueReads,
    usage,
    rateLimitRemaining,
    before,
    summaryIsPublic,
    where: parseRepository(roster.trackingIssue.repo ?? settings.repository),
    know: (people) => know(summaryIsPublic, people, () => reads.privateRepositories())
  }
}

async function readRoster(settings: Settings): Promise<Roster> {
  const roster = await loadRoster(settings.rosterPath, settings.rosterInput)
  if (settings.mode === 'apply' && !roster.adjust)
    throw new InputError(
      `Input "mode" is apply, but ${settings.rosterInput} has no adjust: (who approves, what changes).`
    )
  return roster
}

/** What each token can do, asked before anything else: the tracking repository, dry run, the tokens' prefixes. */
export function preflightStage(run: RunContext): Promise<Preflight> {
  const { settings, where } = run
  return preflight({
    client: run.client,
    issueClient: run.issueClient,
    issueReads: run.issueReads,
    roster: run.roster,
    log: run.io.log,
    trackingRepo: where ? `${where.owner}/${where.repo}` : null,
    writes: !settings.dryRun,
    apply: run.apply,
    workflowRepository: settings.repository,
    classicByPrefix: { token: isClassicToken(settings.token), issueToken: isClassicToken(settings.issueToken) }
  })
}

export interface Reports {
  files: { reportPath: string; csvPath: string }
  /** Checks not made, with why (summary and report). */
  skipped: Record<string, string>
  /** Why the run is incomplete (too many unknown), or null. */
  incomplete: string | null
  /** The REST quota after the audit. */
  after: RateLimitState | null
}

/** The JSON and CSV reports, what was not checked, and whether the run is complete. */
export async function reportStage(run: RunContext, result: AuditResult): Promise<Reports> {
  const { log } = run.io
  const after = await readRateLimit(run.client)
  if (after) log.info(rateLimitLine(after, 'left after the audit'))
  const skipped = notChecked(result)
  for (const [what, why] of Object.entries(skipped)) log.warning(`${what}: ${why}.`)
  const files = await writeReportFiles(run.settings.outputDir, result, run.usage, skipped)
  return { files, skipped, incomplete: incompleteReason(result.verdicts, run.roster.maxUnknownPercent), after }
}

/** The tracking issue, written by the issue token as the account the preflight found. */
export async function trackStage(
  run: RunContext,
  result: AuditResult,
  incomplete: string | null,
  checked: Preflight
): Promise<TrackOutcome | null> {
  const { settings, io, where, roster } = run
  if (!where) {
    io.log.info(
      'No tracking repository (set tracking-issue.repo in the roster, or run in GitHub Actions): no tracking issue.'
    )
    return null
  }
  if (!settings.dryRun && !incomplete) {
    io.announce?.(`Writing the tracking issue in ${where.owner}/${where.repo} (only if its text changed).`)
  }
  const account = checked.issueAccount
  return keepTrackingIssue({
    client: run.issueClient,
    reads: run.issueReads,
    where,
    id: trackingIssueId(roster.trackingIssue.id, settings.rosterPath, settings.workspace),
    roster,
    result,
    serverUrl: settings.serverUrl,
    dryRun: settings.dryRun,
    incomplete,
    log: io.log,
    ...(account ? { account } : {}),
    ...(settings.snapshotKey ? { secret: settings.snapshotKey } : {})
  })
}

function rateLimitLine(state: RateLimitState | null, when: string): string {
  if (!state) return 'Rate limiting is not enabled on this server.'
  const reset = when === 'left' ? `, reset at ${state.reset.toISOString()}` : ''
  return `Rate limit: ${state.remaining} of ${state.limit} requests ${when}${reset}`
}
