/** Shared set-up: a fake GitHub with a world, and the real client and audit pointed at it. */
import { type AuditResult, runAudit } from '../src/audit.js'
import { type ApiUsage, createGitHubClient, emptyUsage } from '../src/github/client.js'
import type { Logger } from '../src/logger.js'
import { parseRoster } from '../src/roster/load.js'
import { type FakeGitHubOptions, FakeGitHub } from './fake-github/server.js'
import type { World } from './fake-github/world.js'

export interface RecordingLogger extends Logger {
  lines: string[]
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = []
  return {
    lines,
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    debug: () => {}
  }
}

export interface AuditRun {
  result: AuditResult
  github: FakeGitHub
  usage: ApiUsage
  log: RecordingLogger
}

/** Runs the audit for `rosterText` against a fake GitHub serving `world`; closes the server after. */
export async function auditWorld(world: World, rosterText: string, options: Omit<FakeGitHubOptions, 'world'> & { token?: string } = {}): Promise<AuditRun> {
  const github = await FakeGitHub.start({ world, ...options })
  try {
    const usage = emptyUsage()
    const log = recordingLogger()
    const client = createGitHubClient({ token: options.token ?? 'test-token', apiUrl: github.url, log, usage, waitScale: 0.001 })
    const result = await runAudit({ client, roster: parseRoster(rosterText, 'roster.yml'), now: world.now, log, usage, serverUrl: 'https://github.com' })
    return { result, github, usage, log }
  } finally {
    await github.close()
  }
}

/** Each person's status, by login. */
export function statuses(result: AuditResult): Record<string, string> {
  return Object.fromEntries(result.verdicts.map((v) => [v.person.login, v.status]))
}

export function rosterFor(...orgs: string[]): string {
  return `version: 1\norgs: [${orgs.join(', ')}]\n`
}
