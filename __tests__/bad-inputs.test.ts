/**
 * Bad input of every kind the action meets — action inputs, tokens, permissions, organizations,
 * teams, the tracking repository — through the action's `run()` in process, as the runner would
 * run it: one clear message, the step failed, and not one successful write to GitHub. (What the
 * preflight finds — organizations, teams, the tracking repository, scopes — is in
 * preflight.test.ts.) One case
 * that only the bundle can show (an address that crashes a library while it loads) runs
 * `node dist/index.js`. (Malformed rosters have their own file: malformed-rosters.test.ts.)
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, runActionInProcess } from '../fake-github/run-action.js'
import { FakeGitHub } from '../fake-github/server.js'
import { type World, WorldBuilder } from '../fake-github/world.js'

function world(): World {
  const b = new WorldBuilder()
  b.member('acme', 'quiet').member('beta', 'other')
  b.token('narrow', { orgs: ['acme'] })
  b.token('read-only', { orgs: 'all', canWrite: false })
  b.token('outsider', { orgs: 'all', memberOf: ['beta'] })
  b.world.repos.push(
    { fullName: 'acme/security', private: true },
    { fullName: 'acme/no-issues', private: true, hasIssues: false }
  )
  return b.world
}

const ROSTER = 'version: 1\norgs: [acme]\ntracking-issue:\n  repo: acme/security\n'

/** [case, roster, inputs, what the one error message must say, runner variables] */
const CASES: [string, string, Record<string, string>, RegExp, Record<string, string>?][] = [
  [
    'dry-run is not a boolean',
    ROSTER,
    { token: 'test-token', 'dry-run': 'maybe' },
    /Input "dry-run" must be true or false, not "maybe"/
  ],
  ['empty token', ROSTER, { token: '' }, /Input "token" is empty/],
  ['revoked token', ROSTER, { token: 'revoked' }, /GitHub rejected the token \(401 Bad credentials\)/],
  [
    'revoked issue token',
    ROSTER,
    { token: 'test-token', 'issue-token': 'revoked' },
    /GitHub rejected the issue token \(401 Bad credentials\)/
  ],
  [
    'issue token that cannot write',
    ROSTER,
    { token: 'test-token', 'issue-token': 'read-only' },
    /The issue token cannot write the tracking issue in acme\/security \(403 .*Issues: write/
  ],
  [
    'two tokens pasted into one secret',
    ROSTER,
    { token: 'test-token\nother-token' },
    /Input "token" contains a space or line break\. Pass exactly one token\./
  ],
  [
    'roster input naming a folder',
    ROSTER,
    { token: 'test-token', roster: '.github' },
    /\.github: is a folder, not a roster file/
  ],
  [
    'GITHUB_SERVER_URL without a scheme',
    ROSTER,
    { token: 'test-token' },
    /GITHUB_SERVER_URL must be an http\(s\) address such as https:\/\/github\.com, not "ghe\.example\.com"/,
    { GITHUB_SERVER_URL: 'ghe.example.com' }
  ],
  [
    'roster file that does not exist',
    ROSTER,
    { token: 'test-token', roster: 'nope.yml' },
    /nope\.yml: roster file not found/
  ]
]

describe('bad input: one message, exit 1, nothing written', () => {
  // A rest parameter: jest would take a fifth named parameter, absent from most rows, for `done`.
  test.each(CASES)('%s', async (...row) => {
    const [, roster, inputs, message, env] = row
    const github = await FakeGitHub.start({ world: world() })
    try {
      const run = await runActionInProcess({
        dir: await mkdtemp(join(tmpdir(), 'ma-bad-')),
        apiUrl: github.url,
        roster,
        inputs,
        ...(env ? { env } : {})
      })
      expect(run.code).toBe(1)
      expect(run.errors).toEqual([expect.stringMatching(message)])
      expect(github.writes().filter((w) => (w.status ?? 500) < 300)).toEqual([])
      expect(github.world.issues).toEqual([])
    } finally {
      await github.close()
    }
  })

  test('GitHub Enterprise Server without rate limiting ("Rate limiting is not enabled.") is fine', async () => {
    const github = await FakeGitHub.start({
      world: world(),
      fault: (r) =>
        r.path === '/rate_limit'
          ? {
              status: 404,
              body: {
                message: 'Rate limiting is not enabled.',
                documentation_url: 'https://docs.github.com/enterprise-server/rest'
              }
            }
          : undefined
    })
    try {
      const run = await runActionInProcess({
        dir: await mkdtemp(join(tmpdir(), 'ma-bad-')),
        apiUrl: `${github.url}/api/v3`,
        roster: ROSTER,
        inputs: { token: 'test-token', 'dry-run': 'true' }
      })
      expect(run.code).toBe(0)
      expect(run.stdout).toContain('Rate limiting is not enabled on this server.')
    } finally {
      await github.close()
    }
  })

  test('the bundle (dist/index.js): a GITHUB_API_URL without a scheme stops before the GitHub library loads (it would crash there)', async () => {
    const github = await FakeGitHub.start({ world: world() })
    try {
      const run = await runAction({
        dir: await mkdtemp(join(tmpdir(), 'ma-bad-')),
        apiUrl: github.url,
        roster: ROSTER,
        inputs: { token: 'test-token' },
        env: { GITHUB_API_URL: 'ghe.example.com/api/v3' }
      })
      expect(run.code).toBe(1)
      expect(run.errors).toEqual([
        'GITHUB_API_URL must be an http(s) address such as https://api.github.com, not "ghe.example.com/api/v3".'
      ])
      expect(run.stderr).toBe('')
      expect(github.requests).toEqual([])
    } finally {
      await github.close()
    }
  })
})
