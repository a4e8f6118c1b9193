/**
 * The tracking issue as the action's own memory, attacked the way a public repository allows:
 * an outsider (no rights) comments and opens issues, a triager adds and removes labels, the
 * roster path is spelled three ways. Every case runs the whole action (in process) against the
 * fake GitHub, which records who wrote what; each reproduced the attack on the code before the
 * fix.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ActionRun, runActionInProcess } from '../fake-github/run-action.js'
import { FakeGitHub } from '../fake-github/server.js'
import { type World, type WorldIssue, WorldBuilder } from '../fake-github/world.js'

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
      expect(line(issue, 'alice')).toMatch(/^- \[ \] .*flagged 2026-11-24 <!-- ma:alice f=2026-11-24 -->$/)
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
      expect(line(real, 'alice')).toMatch(/flagged 2026-11-24 <!-- ma:alice f=2026-11-24 -->$/)
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
      expect(line(issue, 'alice')).toMatch(/flagged 2026-11-24 <!-- ma:alice f=2026-11-24 -->$/)
    } finally {
      await github.close()
    }
  })
})
