/**
 * Hostile text from every place it can come from — the roster (reasons, approvers, the issue's
 * title), GitHub's answers (error messages, invitation e-mails and failure reasons) — through a
 * whole run: the job summary, the tracking issue and its comments stay inert. Nothing mentions
 * anyone, opens HTML, links to `javascript:`, hides text in a comment, or starts a heading.
 */
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { silentLogger } from '../src/logger.js'
import { runMemberAudit } from '../src/run.js'
import { FakeGitHub } from '../fake-github/server.js'
import { WorldBuilder } from '../fake-github/world.js'

const HOSTILE =
  '@everyone <!-- hide --> <img src=x onerror=alert(1)> [click](javascript:alert(1)) | `x` **y**\n# heading'

function inert(text: string): void {
  expect(text).not.toMatch(/(^|[^\w&#])@everyone/)
  expect(text).not.toMatch(/<img|<script|<!-- hide/i)
  expect(text).not.toMatch(/\]\(javascript:/i)
  expect(text).not.toMatch(/^# heading/m)
}

test('hostile text from the roster and from GitHub is printed inert in the summary and the issue', async () => {
  const now = new Date()
  const b = new WorldBuilder(now)
  b.member('acme', 'quiet')
    .member('acme', 'exempted')
    .member('acme', 'broken')
    .member('acme', 'owner', { role: 'admin' })
  b.invite('acme', {
    login: null,
    email: `mallory@example.org ${HOSTILE}`,
    role: 'admin',
    inviter: 'owner',
    daysAgo: 60,
    failedDaysAgo: 50,
    failedReason: HOSTILE
  })
  b.token('owner-token', { orgs: 'all', ownerOf: 'all' })
  b.world.repos.push({ fullName: 'acme/security', private: false })
  const github = await FakeGitHub.start({
    world: b.world,
    // GitHub's own words reach the report as the reason someone could not be checked.
    fault: (r) => (r.path === '/users/broken/events/public' ? { status: 502, body: { message: HOSTILE } } : undefined)
  })
  try {
    const dir = await mkdtemp(join(tmpdir(), 'ma-hostile-'))
    const rosterPath = join(dir, 'roster.yml')
    const roster = [
      'version: 1',
      'orgs: [acme]',
      'max-unknown-percent: 50',
      'tracking-issue:',
      '  repo: acme/security',
      `  title: ${JSON.stringify(HOSTILE.replace('\n', ' '))}`,
      'include:',
      '  pending-invitations: true',
      'exemptions:',
      '  - login: exempted',
      `    reason: ${JSON.stringify(HOSTILE)}`,
      '    approved-by: owner'
    ].join('\n')
    await writeFile(rosterPath, roster + '\n')
    const settings = {
      rosterInput: 'roster.yml',
      rosterPath,
      workspace: dir,
      token: 'owner-token',
      issueToken: 'owner-token',
      dryRun: false,
      apiUrl: github.url,
      serverUrl: 'https://github.com',
      repository: null,
      outputDir: dir
    }
    const run = await runMemberAudit(settings, { log: silentLogger, now: () => now, waitScale: 0.001 })

    // Each hostile text did reach the summary (escaped), so the checks below are about something.
    expect(run.summaryMarkdown).toContain('mallory&#64;example.org')
    expect(run.summaryMarkdown.match(/&#64;everyone/g)!.length).toBeGreaterThanOrEqual(3)
    inert(run.summaryMarkdown)

    const issue = github.world.issues.find((i) => i.repo === 'acme/security')!
    expect(issue.body).toContain('&#64;everyone')
    inert(issue.body)
    for (const c of issue.comments) inert(c.body)
  } finally {
    await github.close()
  }
}, 60_000)
