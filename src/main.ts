/**
 * The action's entry: reads inputs, runs the audit, writes the job summary and the outputs. The
 * one `catch` that fails the step lives here.
 */
import * as core from '@actions/core'
import { IncompleteRunError } from './errors.js'
import { readSettings } from './inputs.js'
import type { Logger } from './logger.js'
import { runMemberAudit } from './run-audit.js'

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

    const outcome = await runMemberAudit(settings, { log: coreLogger, now: deps.now, ...(deps.waitScale ? { waitScale: deps.waitScale } : {}) })
    if (deps.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(outcome.summaryMarkdown).write()
    else core.info(outcome.summaryMarkdown)

    core.setOutput('member-count', outcome.people)
    core.setOutput('inactive-count', outcome.counts.inactive)
    core.setOutput('approaching-count', outcome.counts.approaching)
    core.setOutput('unknown-count', outcome.counts.unknown)
    core.setOutput('exempt-count', outcome.counts.exempt)
    core.setOutput('report-path', outcome.reportPath)
    core.setOutput('csv-path', outcome.csvPath)
    core.setOutput('issue-number', outcome.tracking?.sync.number ?? '')
    core.setOutput('issue-url', outcome.tracking?.sync.url ?? '')
    core.info(`Report: ${outcome.reportPath}`)

    if (outcome.incomplete) {
      throw new IncompleteRunError(`${outcome.incomplete} The summary and report say why for each; the tracking issue's list was left as it was.`)
    }
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
