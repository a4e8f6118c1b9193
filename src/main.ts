/**
 * The action's entry: reads inputs, wires the audit to GitHub, writes the summary, the reports
 * and the outputs. The one `catch` that fails the step lives here.
 */
import * as core from '@actions/core'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runAudit } from './audit.js'
import { IncompleteRunError } from './errors.js'
import { createGitHubClient, emptyUsage } from './github/client.js'
import { readRateLimit } from './github/rate-limit.js'
import { isPublicRepository } from './github/repository.js'
import { readSettings } from './inputs.js'
import type { Logger } from './logger.js'
import { loadRoster } from './roster/load.js'
import { peopleCsv } from './reports/csv.js'
import { jsonReport } from './reports/json-report.js'
import { countByStatus } from './reports/order.js'
import { jobSummary, trackingSummary } from './reports/summary.js'
import { type TrackOutcome, keepTrackingIssue, parseRepository } from './tracking-issue/track.js'

export interface RunDeps {
  env: Record<string, string | undefined>
  now: () => Date
  /** Scales retry and rate-limit waits (tests use a small value). */
  waitScale?: number
}

const coreLogger: Logger = { info: core.info, warning: core.warning, debug: core.debug }

export async function run(deps: RunDeps = { env: process.env, now: () => new Date() }): Promise<void> {
  try {
    const settings = readSettings(deps.env)
    core.setSecret(settings.token)
    if (settings.issueToken !== settings.token) core.setSecret(settings.issueToken)

    // The roster is read before any request: a bad roster must cost no call to GitHub.
    const roster = await loadRoster(settings.rosterPath, settings.rosterInput)
    const usage = emptyUsage()
    const client = createGitHubClient({ token: settings.token, apiUrl: settings.apiUrl, log: coreLogger, usage, waitScale: deps.waitScale })

    const before = await readRateLimit(client)
    core.info(before ? `Rate limit: ${before.remaining} of ${before.limit} requests left, reset at ${before.reset.toISOString()}` : 'Rate limiting is not enabled on this server.')

    const result = await runAudit({ client, roster, now: deps.now(), log: coreLogger, usage, serverUrl: settings.serverUrl })
    const after = await readRateLimit(client)
    if (after) core.info(`Rate limit: ${after.remaining} of ${after.limit} requests left after the audit.`)

    await mkdir(settings.outputDir, { recursive: true })
    const reportPath = join(settings.outputDir, 'report.json')
    const csvPath = join(settings.outputDir, 'report.csv')
    await writeFile(reportPath, JSON.stringify(jsonReport(result, usage), null, 2) + '\n')
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
      const issueClient =
        settings.issueToken === settings.token ? client : createGitHubClient({ token: settings.issueToken, apiUrl: settings.apiUrl, log: coreLogger, usage, waitScale: deps.waitScale })
      tracking = await keepTrackingIssue({ client: issueClient, where, roster, result, serverUrl: settings.serverUrl, dryRun: settings.dryRun, incomplete, log: coreLogger })
    } else {
      core.info('No tracking repository (set tracking-issue.repo in the roster, or run in GitHub Actions): no tracking issue.')
    }

    const hideConcealed = settings.repository ? await isPublicRepository(client, settings.repository) : false
    const markdown =
      jobSummary(result, usage, { serverUrl: settings.serverUrl, hideConcealed, dryRun: settings.dryRun, rateLimitRemaining: after?.remaining ?? null }) +
      (tracking ? trackingSummary(tracking, hideConcealed) : '')
    if (deps.env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(markdown).write()
    } else {
      core.info(markdown)
    }

    core.setOutput('member-count', result.verdicts.length)
    core.setOutput('inactive-count', counts.inactive)
    core.setOutput('approaching-count', counts.approaching)
    core.setOutput('unknown-count', counts.unknown)
    core.setOutput('exempt-count', counts.exempt)
    core.setOutput('report-path', reportPath)
    core.setOutput('csv-path', csvPath)
    core.setOutput('issue-number', tracking?.sync.number ?? '')
    core.setOutput('issue-url', tracking?.sync.url ?? '')
    core.info(`Report: ${reportPath}`)

    if (incomplete) throw new IncompleteRunError(`${incomplete} The summary and report say why for each; the tracking issue's list was left as it was.`)
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
