/**
 * The tracking issue as the action's own memory, attacked the way a public repository allows:
 * an outsider (no rights) comments and opens issues, a triager adds and removes labels, the
 * roster path is spelled three ways. Every case runs the whole action (in process) against the
 * fake GitHub, which records who wrote what; each reproduced the attack on the code before the
 * fix.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ActionRun, runActionInProcess } from '../fake-github/run-action.js'
import { FakeGitHub } from '../fake-github/server.js'
import { type World, type WorldIssue, type WorldToken, WorldBuilder } from '../fake-github/world.js'
import { cliSettings, parseArgs } from '../src/cli/args.js'
import { type RunOutcome, runMemberAudit } from '../src/run.js'

const START = new Date('2026-11-24T12:00:00Z')
const DAY = 86_400_000
const ROSTER = 'version: 1\norgs: [acme]\ntracking-issue:\n  repo: acme/security\n'
const MARKER = '<!-- member-audit:tracking-issue id=.github/member-audit.yml -->'

/** alice and bob inactive and public, tina inactive and concealed, dave active; the tracking repository public. */
function world(): World {
  const b = new WorldBuilder(START)
  b.member('acme', 'alice').member('acme', 'bob').member('acme', 'tina', { public: false })
  b.member('acme', 'dave').did('dave', 'issue', 5, { repo: 'acme/app' })
  b.token('outsider', { orgs: [], memberOf: [], login: 'mallory' })
  b.token('triager', { orgs: [], memberOf: [], login: 'trudy' })
  b.world.repos.push({ fullName: 'acme/security', private: false })
  return b.world
}

async function runOn(
  github: FakeGitHub,
  day: number,
  extra: { roster?: string; inputs?: Record<string, string> } = {}
): Promise<ActionRun> {
  github.world.now = new Date(START.getTime() + day * DAY)
  return runActionInProcess({
    dir: await mkdtemp(join(tmpdir(), 'ma-trust-')),
    apiUrl: github.url,
    roster: extra.roster ?? ROSTER,
    inputs: { token: 'test-token', ...extra.inputs },
    env: { GITHUB_REPOSITORY: 'acme/security' },
    now: github.world.now
  })
}

/** What an account does through the API (the fake records it as that account's). */
async function as(
  github: FakeGitHub,
  token: string,
  method: string,
  path: string,
  body: unknown
): Promise<Record<string, unknown>> {
  const res = await fetch(`${github.url}${path}`, {
    method,
    headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body)
  })
  return (await res.json()) as Record<string, unknown>
}

const ours = (w: World): WorldIssue[] => w.issues.filter((i) => i.author === 'auditor')
const line = (issue: WorldIssue, login: string): string =>
  issue.body.split('\n').find((l) => l.includes(`[${login}]`)) ?? ''

describe('the tracking issue trusts only its own words', () => {
  test("an outsider's comment with a continuation marker and forged marks is not read as state, and never edited", async () => {
    const github = await FakeGitHub.start({ world: world() })
    try {
      expect((await runOn(github, 0)).code).toBe(0)
      const issue = ours(github.world)[0]!
      issue.body = issue.body.replace('- [ ] [bob]', '- [x] [bob]') // a maintainer ticks bob
      await runOn(github, 1)
      expect(line(issue, 'bob')).toMatch(/contacted 2026-11-25/)
      const forged = [
        '<!-- member-audit:part 2 id=.github/member-audit.yml -->',
        '- [x] [alice](https://github.com/alice) <!-- ma:alice f=2000-01-01 c=2000-01-01 -->',
        '- [ ] [bob](https://github.com/bob) <!-- ma:bob f=2000-01-01 -->',
        '<!-- ma:tina f=2000-01-01 c=2000-01-01 --> <!-- ma:ghost f=2000-01-01 c=2000-01-01 -->'
      ].join('\n')
      const comment = await as(github, 'outsider', 'POST', `/repos/acme/security/issues/${issue.number}/comments`, {
        body: forged
      })
      const run = await runOn(github, 2)
      expect(run.code).toBe(0)
      expect(line(issue, 'alice')).toMatch(/^- \[ \] .*flagged 2026-11-24 <!-- ma:alice f=2026-11-24 i=\d+ -->$/)
      expect(line(issue, 'bob')).toMatch(/- \[x\] .*flagged 2026-11-24 · contacted 2026-11-25/)
      expect(issue.body).toMatch(/0 due for a privilege change · 0 returned/)
      expect(issue.body).not.toMatch(/tina|ghost|2000-01-01/)
      expect(run.summary).not.toMatch(/tina|ghost/)
      const mallorys = issue.comments.find((c) => c.id === comment.id)!
      expect(mallorys.body).toBe(forged)
      expect(github.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith(`/comments/${comment.id}`))).toEqual(
        []
      )
    } finally {
      await github.close()
    }
  })

  test.each([
    ['labelled by a triager', 'member-audit', ROSTER],
    ['with labels: [] (no rights needed)', null, ROSTER + '  labels: []\n']
  ])("an outsider's look-alike issue (%s) is ignored, and the real one kept current", async (_case, label, roster) => {
    const github = await FakeGitHub.start({ world: world() })
    try {
      await runOn(github, 0, { roster })
      const real = ours(github.world)[0]!
      const fake = await as(github, 'outsider', 'POST', '/repos/acme/security/issues', {
        title: 'Inactive organization members',
        body: `${MARKER}\n- [x] [alice] <!-- ma:alice f=2000-01-01 c=2000-01-01 -->`
      })
      if (label) github.world.issues.find((i) => i.number === fake.number)!.labels.push(label) // the triager's label
      github.world.users.find((u) => u.login === 'dave')!.activities = [] // someone new lapses: the real issue must change
      const run = await runOn(github, 1, { roster })
      // Seen among the labelled issues, it is named in the log; unlabelled, the action never lists it.
      const named = run.stdout.includes(
        `Ignoring issue #${fake.number}: it carries this roster's marker but was opened by mallory`
      )
      expect(named).toBe(label !== null)
      expect(real.body).toMatch(/\*\*4 to contact\*\*/)
      expect(line(real, 'alice')).toMatch(/flagged 2026-11-24 <!-- ma:alice f=2026-11-24 i=\d+ -->$/)
      expect(github.world.issues.find((i) => i.number === fake.number)!.body).not.toMatch(/to contact/)
      expect(run.outputs['issue-number']).toBe(String(real.number))
    } finally {
      await github.close()
    }
  })

  test('a removed label does not lose the issue: it is found by its author, its dates kept, and the label put back', async () => {
    const github = await FakeGitHub.start({ world: world() })
    try {
      await runOn(github, 0)
      const issue = ours(github.world)[0]!
      issue.body = issue.body.replace('- [ ] [bob]', '- [x] [bob]')
      issue.labels = [] // the triager removes the label
      const run = await runOn(github, 3)
      expect(run.outputs['issue-number']).toBe(String(issue.number))
      expect(github.world.issues).toHaveLength(1)
      expect(line(issue, 'alice')).toMatch(/flagged 2026-11-24/)
      expect(line(issue, 'bob')).toMatch(/contacted 2026-11-27/)
      expect(issue.labels).toEqual(['member-audit'])
    } finally {
      await github.close()
    }
  })

  test('the roster given as an absolute path, as ./path and as path opens one issue, with no machine path in it', async () => {
    const github = await FakeGitHub.start({ world: world() })
    try {
      const dir = await mkdtemp(join(tmpdir(), 'ma-trust-'))
      const spellings = [
        join(dir, 'workspace', '.github', 'member-audit.yml'),
        './.github/member-audit.yml',
        '.github/member-audit.yml'
      ]
      for (const [day, roster] of spellings.entries()) {
        github.world.now = new Date(START.getTime() + day * DAY)
        const run = await runActionInProcess({
          dir,
          apiUrl: github.url,
          roster: ROSTER,
          inputs: { token: 'test-token', roster },
          now: github.world.now
        })
        expect(run.code).toBe(0)
      }
      expect(github.world.issues).toHaveLength(1)
      const issue = github.world.issues[0]!
      expect(issue.body).toContain(MARKER)
      expect(issue.body).not.toContain(dir)
      expect(issue.body).not.toContain(tmpdir())
    } finally {
      await github.close()
    }
  })

  test("with a GitHub App's token the action's account is its bot, and a user of the same name is not it", async () => {
    const w = world()
    w.tokens['app-token'] = { orgs: [], memberOf: [], app: true }
    w.tokens['impostor'] = { orgs: [], memberOf: [], login: 'member-audit' } // a user account named like the app
    const github = await FakeGitHub.start({ world: w })
    try {
      await runOn(github, 0, { inputs: { 'issue-token': 'app-token' } })
      const issue = github.world.issues[0]!
      expect(issue.author).toBe('member-audit[bot]')
      const forged =
        '<!-- member-audit:part 2 id=.github/member-audit.yml -->\n- [x] [alice] <!-- ma:alice f=2000-01-01 c=2000-01-01 -->'
      await as(github, 'impostor', 'POST', `/repos/acme/security/issues/${issue.number}/comments`, { body: forged })
      const run = await runOn(github, 1, { inputs: { 'issue-token': 'app-token' } })
      expect(run.outputs['issue-number']).toBe(String(issue.number))
      expect(github.world.issues).toHaveLength(1)
      expect(line(issue, 'alice')).toMatch(/flagged 2026-11-24 <!-- ma:alice f=2026-11-24 i=\d+ -->$/)
    } finally {
      await github.close()
    }
  })
})

/** The quick start's issue token: the workflow's GITHUB_TOKEN, an installation token acting as github-actions[bot]. */
const workflowToken = (): WorldToken => ({ orgs: [], memberOf: [], app: true, login: 'github-actions[bot]' })

/** A scheduled run as the quick start sets it up: the issue written with the workflow's own token. */
async function scheduled(github: FakeGitHub, day: number, roster: string): Promise<ActionRun> {
  return runOn(github, day, { roster, inputs: { 'issue-token': 'workflow-token' } })
}

/** `member-audit` from a terminal (the CLI's settings: one personal token reads and writes), no dry run. */
async function terminal(github: FakeGitHub, day: number, roster: string): Promise<RunOutcome & { log: string[] }> {
  github.world.now = new Date(START.getTime() + day * DAY)
  const dir = await mkdtemp(join(tmpdir(), 'ma-terminal-'))
  await mkdir(join(dir, '.github'))
  await writeFile(join(dir, '.github', 'member-audit.yml'), roster)
  const request = parseArgs(['--roster', '.github/member-audit.yml', '--out', join(dir, 'out')])
  const settings = cliSettings(request, 'test-token', { GITHUB_API_URL: github.url }, dir)
  const log: string[] = []
  const logger = {
    info: (m: string) => log.push(m),
    warning: (m: string) => log.push(`warning: ${m}`),
    debug: () => {}
  }
  const now = github.world.now
  return { ...(await runMemberAudit(settings, { log: logger, now: () => now, waitScale: 0.001 })), log }
}

describe('one tracking issue from every entry point', () => {
  const open = (w: World): WorldIssue[] => w.issues.filter((i) => i.repo === 'acme/security' && i.state === 'open')

  test('a scheduled run as github-actions[bot], then a terminal run with a personal token: one issue, ticks kept, the terminal writes it', async () => {
    const w = world()
    w.tokens['workflow-token'] = workflowToken()
    const github = await FakeGitHub.start({ world: w })
    // The personal token's account (auditor) listed beside the quick start's writer.
    const roster = `${ROSTER}  writers: ['github-actions[bot]', auditor]\n`
    try {
      await scheduled(github, 0, roster)
      const issue = open(github.world)[0]!
      expect(issue.author).toBe('github-actions[bot]')
      issue.body = issue.body.replace('- [ ] [bob]', '- [x] [bob]') // someone contacted bob
      await scheduled(github, 3, roster)
      expect(line(issue, 'bob')).toMatch(/contacted 2026-11-27/)
      const run = await terminal(github, 5, roster)
      expect(run.tracking?.sync.number).toBe(issue.number)
      expect(open(github.world)).toHaveLength(1)
      expect(github.world.issues.filter((i) => i.repo === 'acme/security')).toHaveLength(1)
      expect(issue.body).toMatch(/Updated 2026-11-29/)
      expect(line(issue, 'bob')).toMatch(/flagged 2026-11-24 · contacted 2026-11-27/)
      // And the schedule goes on with the same issue, the tick still there.
      const next = await scheduled(github, 7, roster)
      expect(next.outputs['issue-number']).toBe(String(issue.number))
      expect(open(github.world)).toHaveLength(1)
      expect(line(issue, 'bob')).toMatch(/^- \[x\] .*contacted 2026-11-27/)
    } finally {
      await github.close()
    }
  })

  test("a terminal token whose account is not in tracking-issue.writers finds the schedule's issue, says so and writes nothing", async () => {
    const w = world()
    w.tokens['workflow-token'] = workflowToken()
    const github = await FakeGitHub.start({ world: w })
    try {
      await scheduled(github, 0, ROSTER)
      const issue = open(github.world)[0]!
      issue.body = issue.body.replace('- [ ] [bob]', '- [x] [bob]')
      await scheduled(github, 3, ROSTER)
      const before = issue.body
      const writes = github.writes().length
      const run = await terminal(github, 5, ROSTER)
      expect(github.writes()).toHaveLength(writes)
      expect(github.world.issues.filter((i) => i.repo === 'acme/security')).toHaveLength(1)
      expect(issue.body).toBe(before)
      expect(run.tracking?.held).toMatch(/tracking-issue\.writers/)
      expect(run.log.join('\n')).toMatch(
        new RegExp(`Tracking issue #${issue.number} was opened by github-actions\\[bot\\].*nothing is written`)
      )
      await scheduled(github, 7, ROSTER)
      expect(open(github.world)).toHaveLength(1)
      expect(line(issue, 'bob')).toMatch(/^- \[x\] .*contacted 2026-11-27/)
    } finally {
      await github.close()
    }
  })
})
