/**
 * One whole run, shared by the action and the command line, its stages in order:
 * roster → members → activity → verdicts → reports → tracking issue. The callers differ only in
 * where settings come from and where messages, the summary and outputs go.
 */
import { type ActivityDeps, readActivity } from './activity/stage.js'
import { type ApiUsage, type GitHubClient, createGitHubClient, emptyUsage } from './github/client.js'
import { knownPrivateRepositories } from './github/org-repositories.js'
import { readRateLimit } from './github/rate-limit.js'
import { isPublicRepository } from './github/repository.js'
import type { Settings } from './inputs.js'
import { type Logger, redactingLogger } from './logger.js'
import type { Person } from './members/people.js'
import { type Disclosure, PRIVATE_TEXT, disclosure } from './text/disclosure.js'
import { readAudience } from './members/audience.js'
import { writeReportFiles } from './reports/files.js'
import { notChecked } from './reports/not-checked.js'
import { runSummary } from './reports/summary.js'
import { loadRoster } from './roster/load.js'
import type { Roster } from './roster/roster.js'
import { trackingIssueId } from './tracking-issue/issue-id.js'
import { type TrackOutcome, keepTrackingIssue, parseRepository } from './tracking-issue/track.js'
import type { Status } from './verdicts/classify.js'
import { incompleteReason } from './verdicts/completeness.js'
import { judge } from './verdicts/judge.js'
import { countByStatus } from './verdicts/order.js'
import type { AuditResult } from './verdicts/result.js'

export interface RunIO {
  log: Logger
  now: () => Date
  /** Scales retry and rate-limit waits and request spacing (tests use a small value). */
  waitScale?: number
  /** Told how far each stage has come, with the requests made and the REST quota left. */
  progress?: (stage: string, done: number, total: number, usage: ApiUsage, rateLimitRemaining: number | null) => void
  /** Told what the run is about to write to GitHub, before it writes. */
  announce?: (message: string) => void
}

export interface RunOutcome {
  counts: Record<Status, number>
  people: number
  reportPath: string
  csvPath: string
  summaryMarkdown: string
  tracking: TrackOutcome | null
  /** Why the run is incomplete (too many unknown), or null. */
  incomplete: string | null
}

export type AuditDeps = Omit<ActivityDeps, 'progress'> & {
  progress?: (stage: string, done: number, total: number) => void
  /** Told who was found, once the members stage is through (the log's redaction needs it). */
  onAudience?: (people: Person[]) => void
}

/** The audit itself: members → activity → verdicts. */
export async function auditMembers(deps: AuditDeps): Promise<AuditResult> {
  const { client, roster, now, log } = deps
  const progress = (done: number, total: number) => deps.progress?.('members', done, total)
  const audience = await readAudience({ client, roster, now, log, progress })
  deps.onAudience?.([...audience.everyone, ...audience.checked])
  const activity = await readActivity(audience.checked, deps)
  return { ...judge(audience, activity, roster, now), privateRepositories: knownPrivateRepositories(client) }
}

export async function runMemberAudit(settings: Settings, given: RunIO): Promise<RunOutcome> {
  // The roster is read before any request: a bad roster must cost no call to GitHub.
  const roster = await loadRoster(settings.rosterPath, settings.rosterInput)
  const shown = publicRule()
  const io: RunIO = { ...given, log: redactingLogger(given.log, shown.current) }
  const { client, usage, rateLimitRemaining } = connect(settings, io)
  const before = await readRateLimit(client)
  io.log.info(rateLimitLine(before, 'left'))
  // In Actions the summary and the log are public when the workflow's repository is; from a terminal they are not.
  const summaryIsPublic = settings.repository ? await isPublicRepository(client, settings.repository) : false

  const result = await auditMembers({
    client,
    roster,
    now: io.now(),
    log: io.log,
    onAudience: (people) => shown.know(summaryIsPublic, people, () => knownPrivateRepositories(client)),
    usage,
    serverUrl: settings.serverUrl,
    restRemaining: before?.remaining ?? null,
    recheckPauseMs: 60_000 * (io.waitScale ?? 1),
    progress: (stage, done, total) => io.progress?.(stage, done, total, usage, rateLimitRemaining())
  })
  const after = await readRateLimit(client)
  if (after) io.log.info(rateLimitLine(after, 'left after the audit'))

  const skipped = notChecked(result)
  for (const [what, why] of Object.entries(skipped)) io.log.warning(`${what}: ${why}.`)
  const files = await writeReportFiles(settings.outputDir, result, usage, skipped)
  const incomplete = incompleteReason(result.verdicts, roster.maxUnknownPercent)
  const tracking = await track(settings, io, { client, usage, roster, result, incomplete })

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
    summaryMarkdown,
    tracking,
    incomplete
  }
}

/** The rule the log follows: private until the run knows who it found, then the run's own. */
function publicRule(): {
  current: () => Disclosure
  know: (isPublic: boolean, people: Person[], repos: () => string[]) => void
} {
  let rule: () => Disclosure = () => PRIVATE_TEXT
  return {
    current: () => rule(),
    know(isPublic, people, repos) {
      let cached = disclosure(isPublic, people, repos())
      rule = () => {
        const seen = repos()
        if (seen.length !== cached.privateRepositories.size) cached = disclosure(isPublic, people, seen)
        return cached
      }
    }
  }
}

/** The reading client, counting requests and remembering the REST quota GitHub reports. */
function connect(
  settings: Settings,
  io: RunIO
): { client: GitHubClient; usage: ApiUsage; rateLimitRemaining: () => number | null } {
  const usage = emptyUsage()
  let remaining: number | null = null
  const client = createGitHubClient({
    token: settings.token,
    apiUrl: settings.apiUrl,
    log: io.log,
    usage,
    waitScale: io.waitScale,
    onRateLimitRemaining: (left) => {
      remaining = left
    }
  })
  return { client, usage, rateLimitRemaining: () => remaining }
}

function rateLimitLine(state: Awaited<ReturnType<typeof readRateLimit>>, when: string): string {
  if (!state) return 'Rate limiting is not enabled on this server.'
  const reset = when === 'left' ? `, reset at ${state.reset.toISOString()}` : ''
  return `Rate limit: ${state.remaining} of ${state.limit} requests ${when}${reset}`
}

interface TrackInput {
  client: GitHubClient
  usage: ApiUsage
  roster: Roster
  result: AuditResult
  incomplete: string | null
}

/** The tracking-issue stage, with the issue token's own client when it differs. */
async function track(settings: Settings, io: RunIO, input: TrackInput): Promise<TrackOutcome | null> {
  const where = parseRepository(input.roster.trackingIssue.repo ?? settings.repository)
  if (!where) {
    io.log.info(
      'No tracking repository (set tracking-issue.repo in the roster, or run in GitHub Actions): no tracking issue.'
    )
    return null
  }
  if (!settings.dryRun && !input.incomplete) {
    io.announce?.(`Writing the tracking issue in ${where.owner}/${where.repo} (only if its text changed).`)
  }
  const client =
    settings.issueToken === settings.token
      ? input.client
      : createGitHubClient({
          token: settings.issueToken,
          apiUrl: settings.apiUrl,
          log: io.log,
          usage: input.usage,
          waitScale: io.waitScale
        })
  const { roster, result, incomplete } = input
  const id = trackingIssueId(roster.trackingIssue.id, settings.rosterPath, settings.workspace)
  return keepTrackingIssue({
    client,
    where,
    id,
    roster,
    result,
    serverUrl: settings.serverUrl,
    dryRun: settings.dryRun,
    incomplete,
    log: io.log
  })
}
