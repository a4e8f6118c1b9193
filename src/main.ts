/**
 * The action's entry: reads inputs, runs the audit, writes the job summary and the outputs. The
 * one `catch` that fails the step lives here. What it does to the runner (outputs, summary, the
 * failure, masks, log) goes through `ActionIO`, so tests run the whole action in process.
 */
import * as core from '@actions/core'
import { IncompleteRunError } from './errors.js'
import { readSettings } from './inputs.js'
import type { Logger } from './logger.js'
import { runMemberAudit } from './run.js'

/** What the action does to the runner; @actions/core in production, a recorder in tests. */
export interface ActionIO {
  log: Logger
  setSecret(value: string): void
  setOutput(name: string, value: string | number): void
  /** Fails the step with one message (exit code 1). */
  setFailed(message: string): void
  /** Appends to the step summary (GITHUB_STEP_SUMMARY), or prints it when there is none. */
  writeSummary(markdown: string): Promise<void>
}

export interface RunDeps {
  env: Record<string, string | undefined>
  now: () => Date
  /** Scales retry and rate-limit waits and the client's request spacing (tests use a small value). */
  waitScale?: number
  io?: ActionIO
}

/** The runner's side of ActionIO, through @actions/core. */
function coreIO(env: Record<string, string | undefined>): ActionIO {
  return {
    log: { info: core.info, warning: core.warning, debug: core.debug },
    setSecret: core.setSecret,
    setOutput: core.setOutput,
    setFailed: core.setFailed,
    writeSummary: async (markdown) => {
      if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
      else core.info(markdown)
    }
  }
}

export async function run(deps: RunDeps = { env: process.env, now: () => new Date() }): Promise<void> {
  const io = deps.io ?? coreIO(deps.env)
  try {
    const settings = readSettings(deps.env)
    io.setSecret(settings.token)
    if (settings.issueToken !== settings.token) io.setSecret(settings.issueToken)
    // The snapshot key opens every snapshot on a public tracking issue: it must never reach the log.
    if (settings.snapshotKey) io.setSecret(settings.snapshotKey)

    const outcome = await runMemberAudit(settings, {
      log: io.log,
      now: deps.now,
      ...(deps.waitScale ? { waitScale: deps.waitScale } : {})
    })
    await io.writeSummary(outcome.summaryMarkdown)

    io.setOutput('member-count', outcome.people)
    io.setOutput('inactive-count', outcome.counts.inactive)
    io.setOutput('approaching-count', outcome.counts.approaching)
    io.setOutput('unknown-count', outcome.counts.unknown)
    io.setOutput('exempt-count', outcome.counts.exempt)
    io.setOutput('report-path', outcome.reportPath)
    io.setOutput('csv-path', outcome.csvPath)
    io.setOutput('issue-number', outcome.tracking?.sync.number ?? '')
    io.setOutput('issue-url', outcome.tracking?.sync.url ?? '')
    io.log.info(`Report: ${outcome.reportPath}`)

    if (outcome.incomplete) {
      throw new IncompleteRunError(
        `${outcome.incomplete} The summary and report say why for each; the tracking issue's list was left as it was.`
      )
    }
  } catch (error) {
    io.setFailed(error instanceof Error ? error.message : String(error))
  }
}
