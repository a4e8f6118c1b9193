/**
 * One whole run, shared by the action and the command line: roster → members → activity →
 * verdicts → reports (JSON, CSV, summary) → tracking issue. The callers differ only in where
 * settings come from and where messages, the summary and outputs go.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runAudit } from './audit.js'
import { type ApiUsage, createGitHubClient, emptyUsage } from './github/client.js'
import { readRateLimit } from './github/rate-limit.js'
import { isPublicRepository } from './github/repository.js'
import type { Settings } from './inputs.js'
import type { Logger } from './logger.js'
import { loadRoster } from './roster/load.js'
import { peopleCsv } from './reports/csv.js'
import { jsonReport } from './reports/json-report.js'
import { notChecked, notCheckedSummary } from './reports/not-checked.js'
import { countByStatus } from './reports/order.js'
import { jobSummary, trackingSummary } from './reports/summary.js'
import { type TrackOutcome, keepTrackingIssue, parseRepository } from './tracking-issue/track.js'
import type { Status } from './verdicts/classify.js'

export interface RunIO {
  log: Logger
  now: () => Date
  /** Scales retry and rate-limit waits (tests use a small value). */
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

export async function runMemberAudit(settings: Settings, io: RunIO): Promise<RunOutcome> {
  const { log } = io
  // The roster is read before any request: a bad roster must cost no call to GitHub.
  const roster = await loadRoster(settings.rosterPath, settings.rosterInput)
  const usage = emptyUsage()
  let rateLimitRemaining: number | null = null
  const client = createGitHubClient({
    token: settings.token,
    apiUrl: settings.apiUrl,
    log,
    usage,
    waitScale: io.waitScale,
    onRateLimitRemaining: (left) => {
      rateLimitRemaining = left
    }
  })

  const before = await readRateLimit(client)
  log.info(
    before
      ? `Rate limit: ${before.remaining} of ${before.limit} requests left, reset at ${before.reset.toISOString()}`
      : 'Rate limiting is not enabled on this server.'
  )

  const progress = io.progress
  const result = await runAudit({
    client,
    roster,
    now: io.now(),
    log,
    usage,
    serverUrl: settings.serverUrl,
    restRemaining: before?.remaining ?? null,
    recheckPauseMs: 60_000 * (io.waitScale ?? 1),
    ...(progress
      ? {
          progress: (stage: string, done: number, total: number) =>
            progress(stage, done, total, usage, rateLimitRemaining)
        }
      : {})
  })
  const after = await readRateLimit(client)
  if (after) log.info(`Rate limit: ${after.remaining} of ${after.limit} requests left after the audit.`)

  await mkdir(settings.outputDir, { recursive: true })
  const reportPath = join(settings.outputDir, 'report.json')
  const csvPath = join(settings.outputDir, 'report.csv')
  const skipped = notChecked(result)
  for (const [what, why] of Object.entries(skipped)) log.warning(`${what}: ${why}.`)
  await writeFile(reportPath, JSON.stringify(jsonReport(result, usage, skipped), null, 2) + '\n')
  await writeFile(csvPath, peopleCsv(result))

  const counts = countByStatus(result.verdicts)
  const unknownPercent = result.verdicts.length ? (100 * counts.unknown) / result.verdicts.length : 0
  const incomplete =
    unknownPercent > roster.maxUnknownPercent
      ? `${counts.unknown} of ${result.verdicts.length} people (${unknownPercent.toFixed(1)}%) could not be checked, more than max-unknown-percent (${roster.maxUnknownPercent}%).`
      : null

  const where = parseRepository(roster.trackingIssue.repo ?? settings.repository)
  let tracking: TrackOutcome | null = null
  if (where) {
    if (!settings.dryRun && !incomplete)
      io.announce?.(`Writing the tracking issue in ${where.owner}/${where.repo} (only if its text changed).`)
    const issueClient =
      settings.issueToken === settings.token
        ? client
        : createGitHubClient({
            token: settings.issueToken,
            apiUrl: settings.apiUrl,
            log,
            usage,
            waitScale: io.waitScale
          })
    tracking = await keepTrackingIssue({
      client: issueClient,
      where,
      roster,
      result,
      serverUrl: settings.serverUrl,
      dryRun: settings.dryRun,
      incomplete,
      log
    })
  } else {
    log.info(
      'No tracking repository (set tracking-issue.repo in the roster, or run in GitHub Actions): no tracking issue.'
    )
  }

  // In Actions the summary is public when the workflow's repository is; from a terminal it is not.
  const hideConcealed = settings.repository ? await isPublicRepository(client, settings.repository) : false
  const summaryMarkdown =
    jobSummary(result, usage, {
      serverUrl: settings.serverUrl,
      hideConcealed,
      dryRun: settings.dryRun,
      rateLimitRemaining: after?.remaining ?? null
    }) +
    (tracking ? trackingSummary(tracking, hideConcealed) : '') +
    notCheckedSummary(skipped)
  return { counts, people: result.verdicts.length, reportPath, csvPath, summaryMarkdown, tracking, incomplete }
}
