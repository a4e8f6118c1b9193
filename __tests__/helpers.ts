/** Shared set-up: a fake GitHub with a world, and the real client and audit pointed at it. */
import { auditMembers as runAudit } from '../src/run.js'
import type { AuditResult } from '../src/verdicts/result.js'
import type { Person } from '../src/members/people.js'
import { classify } from '../src/verdicts/classify.js'
import { exemptionFor } from '../src/verdicts/exemptions.js'
import { personWindow } from '../src/verdicts/window.js'
import {
  type ApiUsage,
  type ClientOptions,
  type GitHubClient,
  createGitHubClient,
  emptyUsage
} from '../src/github/client.js'
import type { Logger } from '../src/logger.js'
import { parseRoster } from '../src/roster/load.js'
import { preflight } from '../src/preflight/preflight.js'
import { type FakeGitHubOptions, FakeGitHub } from '../fake-github/server.js'
import type { World } from '../fake-github/world.js'

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

/**
 * The real client pointed at a fake GitHub at `apiUrl`: token `test-token`, a recording logger, a
 * fresh usage count, and every wait scaled to a thousandth (a retry after a 502 takes
 * milliseconds); `options` overrides any of them.
 */
export function testClient(apiUrl: string, options: Partial<Omit<ClientOptions, 'apiUrl'>> = {}): GitHubClient {
  return createGitHubClient({
    token: 'test-token',
    apiUrl,
    log: recordingLogger(),
    usage: emptyUsage(),
    waitScale: 0.001,
    ...options
  })
}

export interface AuditRun {
  result: AuditResult
  github: FakeGitHub
  usage: ApiUsage
  log: RecordingLogger
}

/** Runs the audit for `rosterText` against a fake GitHub serving `world`; closes the server after. */
export async function auditWorld(
  world: World,
  rosterText: string,
  options: Omit<FakeGitHubOptions, 'world'> & {
    token?: string
    observeSources?: (source: string, asked: number) => void
    /** The REST quota the run is told is left at its start (the cost estimate warns against it). */
    restRemaining?: number
  } = {}
): Promise<AuditRun> {
  const github = await FakeGitHub.start({ world, ...options })
  try {
    const usage = emptyUsage()
    const log = recordingLogger()
    const client = testClient(github.url, { token: options.token ?? 'test-token', log, usage })
    const roster = parseRoster(rosterText, 'roster.yml')
    // As in a run: the preflight first, and what it rules out is not asked.
    const checked = await preflight({ client, issueClient: client, roster, trackingRepo: null, writes: false, log })
    const result = await runAudit({
      client,
      roster,
      ruledOut: checked.ruledOut,
      now: world.now,
      log,
      usage,
      serverUrl: 'https://github.com',
      recheckPauseMs: 60,
      ...(options.observeSources ? { observeSources: options.observeSources } : {}),
      ...(options.restRemaining !== undefined ? { restRemaining: options.restRemaining } : {})
    })
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

/** An audit result without an audit: people with given statuses, for report and issue tests. */
export function syntheticResult(
  people: { login: string; status?: 'inactive' | 'active'; public?: boolean; role?: 'admin' | 'member' }[],
  rosterText = 'version: 1\norgs: [acme]\n',
  now = new Date('2026-11-24T00:00:00Z')
): AuditResult {
  const roster = parseRoster(rosterText, 'r.yml')
  const today = now.toISOString().slice(0, 10)
  return {
    now,
    windowDays: 365,
    since: new Date(now.getTime() - 365 * 86400000),
    orgs: [{ login: 'acme', members: people.length, complete: true }],
    verdicts: people.map((p) => {
      const person: Person = {
        login: p.login,
        key: p.login.toLowerCase(),
        type: 'User',
        memberships: [{ org: 'acme', role: p.role ?? 'member', public: p.public ?? true }]
      }
      const window = personWindow(person, roster, now)
      const evidence =
        p.status === 'active'
          ? { at: now.toISOString(), kind: 'issue', url: null, repo: 'acme/x', private: false, source: 'contributions' }
          : null
      return classify(person, window, evidence, [], exemptionFor(person, roster, today))
    }),
    skippedBots: [],
    teams: [],
    invitations: null,
    twoFactorDisabled: null,
    danglingExemptions: [],
    outsideCollaborators: null,
    outsideNotChecked: [],
    budgetWarning: null,
    privateRepositories: []
  }
}
