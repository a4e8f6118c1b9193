/**
 * \`member-audit\` from a terminal: the same audit as the action, with progress on stderr and the
 * summary and reports written to --out. Returns the exit status: 0 completed, 1 bad input,
 * 2 incomplete run, 3 any other failure.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { USAGE, cliSettings, parseArgs } from './args.js'
import { progressWriter } from './progress.js'
import { findToken } from './token.js'
import { InputError } from '../errors.js'
import type { Logger } from '../logger.js'
import { runMemberAudit } from '../run.js'
import { VERSION } from '../version.js'

export async function main(argv: string[], env: Record<string, string | undefined>, cwd: string): Promise<number> {
  const err = process.stderr
  const progress = progressWriter(err)
  const log: Logger = {
    info: (m) => {
      progress.end()
      err.write(`${m}\n`)
    },
    warning: (m) => {
      progress.end()
      err.write(`warning: ${m}\n`)
    },
    debug: () => {}
  }
  try {
    const request = parseArgs(argv)
    if (request.help) {
      process.stdout.write(`${USAGE}\n`)
      return 0
    }
    if (request.version) {
      process.stdout.write(`member-audit ${VERSION}\n`)
      return 0
    }
    const settings = cliSettings(request, await findToken(env), env, cwd)
    err.write(
      `member-audit ${VERSION}: roster ${settings.rosterInput}, ${settings.apiUrl}${settings.dryRun ? ', dry run (nothing will be written to GitHub)' : ''}\n`
    )
    const outcome = await runMemberAudit(settings, {
      log,
      now: () => new Date(),
      progress: (stage, done, total, usage, left) => progress.update(stage, done, total, usage, left),
      announce: (message) => log.info(message)
    })
    progress.end()
    await mkdir(settings.outputDir, { recursive: true })
    const summaryPath = join(settings.outputDir, 'summary.md')
    await writeFile(summaryPath, outcome.summaryMarkdown)
    const c = outcome.counts
    process.stdout.write(
      `${outcome.people} people: ${c.inactive} inactive, ${c.unknown} unknown, ${c.approaching} approaching, ${c.exempt} exempt, ${c.active} active.\n` +
        (outcome.tracking?.sync.url
          ? `Tracking issue: ${outcome.tracking.sync.url} (${outcome.tracking.held ?? outcome.tracking.sync.action})\n`
          : '') +
        `Wrote ${summaryPath}, ${outcome.reportPath}, ${outcome.csvPath}\n`
    )
    if (outcome.incomplete) {
      err.write(`Incomplete run: ${outcome.incomplete}\n`)
      return 2
    }
    return 0
  } catch (error) {
    progress.end()
    err.write(`error: ${error instanceof Error ? error.message : String(error)}\n`)
    return error instanceof InputError ? 1 : 3
  }
}
