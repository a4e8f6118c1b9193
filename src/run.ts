/**
 * One whole run, shared by the action and the command line, its stages in order:
 * roster → preflight → members → activity → verdicts → reports → tracking issue. The callers
 * differ only in where settings come from and where messages, the summary and outputs go.
 */
import { type ActivityDeps, readActivity } from './activity/stage.js'
import type { GitHubClient } from './github/client.js'
import { InputError } from './errors.js'
import { connect } from './github/connect.js'
import { knownPrivateRepositories } from './github/org-repositories.js'
import { type RateLimitState, readRateLimit } from './github/rate-limit.js'
import { isPublicRepository } from './github/repository.js'
import type { Settings } from './inputs.js'
import type { Logger } from './logger.js'
import { publicLog } from './text/public-log.js'
import type { RuledOut } from './members/access-checks.js'
import { readAudience } from './members/audience.js'
import type { Person } from './members/people.js'
import { type Preflight, preflight } from './preflight/preflight.js'
import { isClassicToken } from './preflight/token.js'
import { writeReportFiles } from './reports/files.js'
import { adjustStage, commentRun } from './adjust/apply-run.js'
import { notChecked } from './reports/not-checked.js'
import { runSummary } from './reports/summary.js'
import { loadRoster } from './roster/load.js'
import type { Roster } from './roster/roster.js'
import { trackingIssueId } from './tracking-issue/issue-id.js'
import { type TrackOutcome, keepTrackingIssue, parseRepository } from './tracking-issue/track.js'
import type { TrackingRepo } from './tracking-issue/find.js'
import { incompleteReason } from './verdicts/completeness.js'
import { judge } from './verdicts/judge.js'
import { countByStatus } from './verdicts/order.js'
import type { AuditResult } from './verdicts/result.js'
import type { RunIO, RunOutcome } from './run-io.js'

export type { RunIO, RunOutcome } from './run-io.js'

export type AuditDeps = Omit<ActivityDeps, 'progress'> & {
  progress?: (stage: string, done: number, total: number) => void
  /** Told who was found, once the members stage is through (the log's redaction needs it). */
  onAudience?: (people: Person[]) => void
  /** Access checks the preflight ruled out, with why. */
  ruledOut?: RuledOut
}

/** The audit itself: members → activity → verdicts. */
export async function auditMembers(deps: AuditDeps): Promise<AuditResult> {
  const { client, roster, now, log } = deps
  const progress = (done: number, total: number) => deps.progress?.('members', done, total)
  const audience = await readAudience({
    client,
    roster,
    now,
    log,
    progress,
    ...(deps.ruledOut ? { ruledOut: deps.ruledOut } : {})
  })
  deps.onAudience?.([...audience.everyone, ...audience.checked])
  const activity = await readActivity(audience.checked, deps)
  return { ...judge(audience, activity, roster, now), privateRepositories: knownPrivateRepositories(client) }
}

export async function runMemberAudit(settings: Settings, given: RunIO): Promise<RunOutcome> {
  const roster = await readRoster(settings)
  const apply = settings.mode === 'apply'
  const { log, know } = publicLog(given.log)
  const io: RunIO = { ...given, log }
  const { client, issueClient, usage, rateLimitRemaining } = connect(settings, log, io.waitScale)
  const before = await readRateLimit(client)
  log.info(rateLimitLine(before, 'left'))
  // In Actions the summary and the log are public when the workflow's repository is; from a terminal they are not.
  const summaryIsPublic = settings.repository ? await isPublicRepository(client, settings.repository) : false
  const where = parseRepository(roster.trackingIssue.repo ?? settings.repository)
  const checked = await preflightStage(settings, { client, issueClient, roster, where, log })
  const applyInput = { client, issueClient, where, roster, checked, summaryIsPublic, usage }
  // A comment starts the fast path: read commands and apply them, without the full audit.
  if (apply && settings.commentOnIssue !== undefined) return commentRun(settings, io, applyInput)

  const result = await auditMembers({
    client,
    roster,
    now: io.now(),
    log,
    usage,
    serverUrl: settings.serverUrl,
    restRemaining: before?.remaining ?? null,
    recheckPauseMs: 60_000 * (io.waitScale ?? 1),
    ruledOut: checked.notChecked,
    onAudience: (people) => know(summaryIsPublic, people, () => knownPrivateRepositories(client)),
    progress: (stage, done, total) => io.progress?.(stage, done, total, usage, rateLimitRemaining())
  })
  const after = await readRateLimit(client)
  if (after) log.info(rateLimitLine(after, 'left after the audit'))

  const skipped = notChecked(result)
  for (const [what, why] of Object.entries(skipped)) log.warning(`${what}: ${why}.`)
  const files = await writeReportFiles(settings.outputDir, result, usage, skipped)
  const incomplete = incompleteReason(result.verdicts, roster.maxUnknownPercent)
  const tracking = await trackStage(settings, io, { issueClient, where, roster, result, incomplete, checked })
  const applied = apply ? await adjustStage(settings, io, applyInput, result) : null
  if (applied) await writeReportFiles(settings.outputDir, result, usage, skipped, applied.report)
  const summaryMarkdown = runSummary({
    result,
    usage,
    settings,
    summaryIsPublic,
    tracking,
    skipped,
    rateLimitRemaining: after?.remaining ?? null
  })
  return {
    counts: countByStatus(result.verdicts),
    people: result.verdicts.length,
    ...files,
    summaryMarkdown: summaryMarkdown + (applied?.summary ?? ''),
    tracking,
    incomplete
  }
}

/** The preflight for this run's settings: the tracking repository, dry run, and the tokens' prefixes. */
function preflightStage(
  settings: Settings,
  input: { client: GitHubClient; issueClient: GitHubClient; roster: Roster; where: TrackingRepo | null; log: Logger }
): Promise<Preflight> {
  return preflight({
    ...input,
    trackingRepo: input.where ? `${input.where.owner}/${input.where.repo}` : null,
    writes: !settings.dryRun,
    apply: settings.mode === 'apply',
    workflowRepository: settings.repository,
    classicByPrefix: { token: isClassicToken(settings.token), issueToken: isClassicToken(settings.issueToken) }
  })
}

/** The roster, read before any request: a bad roster must cost no call to GitHub. */
async function readRoster(settings: Settings): Promise<Roster> {
  const roster = await loadRoster(settings.rosterPath, settings.rosterInput)
  if (settings.mode === 'apply' && !roster.adjust)
    throw new InputError(
      `Input "mode" is apply, but ${settings.rosterInput} has no adjust: (who approves, what changes).`
    )
  return roster
}

interface TrackInput {
  issueClient: GitHubClient
  where: TrackingRepo | null
  roster: Roster
  result: AuditResult
  incomplete: string | null
  checked: Preflight
}

/** The tracking-issue stage, written by the issue token as the account the preflight found. */
async function trackStage(settings: Settings, io: RunIO, input: TrackInput): Promise<TrackOutcome | null> {
  const { where, roster, result, incomplete } = input
  if (!where) {
    io.log.info(
      'No tracking repository (set tracking-issue.repo in the roster, or run in GitHub Actions): no tracking issue.'
    )
    return null
  }
  if (!settings.dryRun && !incomplete) {
    io.announce?.(`Writing the tracking issue in ${where.owner}/${where.repo} (only if its text changed).`)
  }
  const id = trackingIssueId(roster.trackingIssue.id, settings.rosterPath, settings.workspace)
  const account = input.checked.issueAccount
  return keepTrackingIssue({
    client: input.issueClient,
    where,
    id,
    roster,
    result,
    serverUrl: settings.serverUrl,
    dryRun: settings.dryRun,
    incomplete,
    log: io.log,
    ...(account ? { account } : {})
  })
}

function rateLimitLine(state: RateLimitState | null, when: string): string {
  if (!state) return 'Rate limiting is not enabled on this server.'
  const reset = when === 'left' ? `, reset at ${state.reset.toISOString()}` : ''
  return `Rate limit: ${state.remaining} of ${state.limit} requests ${when}${reset}`
}
