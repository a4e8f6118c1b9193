/**
 * The preflight: what the tokens can do for this roster is asked before any member list or
 * activity is read and before anything is written. Each case is one `::error::` naming the
 * organization, repository, token input and the scope or permission missing; exit 1; and every
 * request made is one of the preflight's own (no activity read, no write attempted).
 */
import { readFile, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { type ActionRun, runAction, runActionInProcess } from '../fake-github/run-action.js'
import { type FakeGitHub, FakeGitHub as Server, type FakeGitHubOptions } from '../fake-github/server.js'
import type { RecordedRequest } from '../fake-github/server.js'
import { type World, WorldBuilder } from '../fake-github/world.js'
import { requirementsTable } from '../src/preflight/requirements.js'

/** The runner's GITHUB_TOKEN: an installation token of the github-actions app, no Members permission. */
const WORKFLOW_TOKEN = 'ghs_workflow_token'

function world(): World {
  const b = new WorldBuilder()
  b.member('acme', 'quiet').member('acme', 'hidden', { public: false }).member('beta', 'other')
  b.token(WORKFLOW_TOKEN, { orgs: [], app: true, login: 'github-actions[bot]' })
  b.token('narrow', { orgs: ['acme'] })
  b.token('classic-no-org', { orgs: 'all', scopes: ['public_repo'] })
  b.token('classic-read-org', { orgs: 'all', scopes: ['read:org', 'public_repo'] })
  b.token('classic-owner-no-admin', { orgs: 'all', ownerOf: 'all', scopes: ['read:org', 'repo'] })
  b.token('classic-no-repo-scope', { orgs: 'all', scopes: ['read:org'] })
  b.token('outsider', { orgs: 'all', memberOf: ['beta'] })
  b.token('github_pat_fine', { orgs: 'all', emptyScopesHeader: true })
  b.token('ghp_classic_none', { orgs: 'all', scopes: [] })
  b.world.repos.push(
    { fullName: 'acme/security', private: true },
    { fullName: 'acme/open-security', private: false },
    { fullName: 'acme/no-issues', private: true, hasIssues: false }
  )
  return b.world
}

const ROSTER = 'version: 1\norgs: [acme]\ntracking-issue:\n  repo: acme/security\n'

/** What the preflight may ask: who the token is, each org's membership, teams, the tracking repository. */
function isPreflightRequest(r: RecordedRequest): boolean {
  const parts = r.path.split('/').filter(Boolean)
  if (r.method !== 'GET') return r.path === '/graphql' && /^\s*query Viewer\b/.test(String(r.body?.query ?? ''))
  if (r.path === '/rate_limit' || r.path === '/user') return true
  if (parts[0] === 'user' && parts[1] === 'memberships' && parts[2] === 'orgs') return true
  if (parts[0] === 'orgs' && parts[2] === 'members' && r.query.per_page === '1') return true
  if (parts[0] === 'orgs' && (parts[2] === 'memberships' || parts[2] === 'teams') && parts.length === 4) return true
  return parts[0] === 'repos' && parts.length === 3
}

async function withGitHub<T>(body: (github: FakeGitHub) => Promise<T>, options: Partial<FakeGitHubOptions> = {}) {
  const github = await Server.start({ world: world(), ...options })
  try {
    return await body(github)
  } finally {
    await github.close()
  }
}

function inProcess(github: FakeGitHub, roster: string, inputs: Record<string, string>): Promise<ActionRun> {
  return mkdtemp(join(tmpdir(), 'ma-pre-')).then((dir) =>
    runActionInProcess({ dir, apiUrl: github.url, roster, inputs })
  )
}

/** The run stopped in the preflight: exit 1, one error, nothing but the preflight's own requests. */
function expectStoppedInPreflight(run: ActionRun, github: FakeGitHub, message: RegExp): void {
  expect(run.code).toBe(1)
  expect(run.errors).toEqual([expect.stringMatching(message)])
  expect(github.requests.filter((r) => !isPreflightRequest(r)).map((r) => `${r.method} ${r.path}`)).toEqual([])
  expect(github.world.issues).toEqual([])
}

/** [case, roster, inputs, what the one error says] */
const CASES: [string, string, Record<string, string>, RegExp][] = [
  [
    'a classic token without read:org (GitHub would list public members only)',
    ROSTER,
    { token: 'classic-no-org' },
    /Organization "acme": the "token" input is a classic token without the read:org scope.*It needs scope read:org/
  ],
  [
    'a fine-grained token without Members: read for one org',
    'version: 1\norgs: [acme, beta]\n',
    { token: 'narrow', 'dry-run': 'true' },
    /Organization "beta": the "token" input \(of auditor\) may not read its members \(403 Resource not accessible.*Members: read/
  ],
  [
    'an organization that does not exist',
    'version: 1\norgs: [acme, acmee]\n',
    { token: 'test-token', 'dry-run': 'true' },
    /Organization "acmee" was not found, or the account of the "token" input \(auditor\) is not an active member/
  ],
  [
    'a classic token of an account outside the organization (GitHub shows it public members only)',
    ROSTER,
    { token: 'outsider' },
    /Organization "acme" was not found, or the account of the "token" input \(auditor\) is not an active member of it, so GitHub would list only its public members/
  ],
  [
    'a tracking repository that does not exist',
    'version: 1\norgs: [acme]\ntracking-issue:\n  repo: acme/nowhere\n',
    { token: 'test-token' },
    /Tracking repository acme\/nowhere was not found, or the "issue-token" input \(else "token"\) cannot see it \(404\)/
  ],
  [
    'a tracking repository with issues disabled',
    'version: 1\norgs: [acme]\ntracking-issue:\n  repo: acme/no-issues\n',
    { token: 'test-token' },
    /Issues are disabled in tracking repository acme\/no-issues\. Enable them/
  ],
  [
    'a classic issue token that cannot write issues there (no repo scope for a private repository)',
    ROSTER,
    { token: 'test-token', 'issue-token': 'classic-no-repo-scope' },
    /Tracking repository acme\/security: the issue token is a classic token without the repo scope, so it cannot write issues there/
  ],
  [
    'count-private-activity with a classic token without repo',
    'version: 1\norgs: [acme]\ncount-private-activity: true\n',
    { token: 'classic-read-org', 'dry-run': 'true' },
    /count-private-activity is on, but the "token" input is a classic token without the repo scope.*scope repo/
  ],
  [
    'a team that does not exist',
    'version: 1\norgs: [acme]\nteams:\n  - team: acme/ghosts\n',
    { token: 'test-token', 'dry-run': 'true' },
    /Team "acme\/ghosts" \(roster teams\) was not found, or the "token" input cannot see it \(404\)/
  ]
]

describe('preflight: one message, exit 1, no request after it', () => {
  test.each(CASES)('%s', async (_name, roster, inputs, message) => {
    await withGitHub(async (github) =>
      expectStoppedInPreflight(await inProcess(github, roster, inputs), github, message)
    )
  })

  test('every problem at once: one error, one line each, before anything else is asked', async () => {
    const roster = 'version: 1\norgs: [acme, beta, ghost]\ntracking-issue:\n  repo: acme/no-issues\n'
    await withGitHub(async (github) => {
      const run = await inProcess(github, roster, { token: 'narrow' })
      expectStoppedInPreflight(run, github, /Organization "beta"/)
      const lines = run.errors[0]!.split('\n')
      expect(lines).toEqual([
        expect.stringMatching(/^Organization "beta": .*\(403 Resource not accessible/),
        expect.stringMatching(/^Organization "ghost" was not found/),
        expect.stringMatching(/^Issues are disabled in tracking repository acme\/no-issues/)
      ])
    })
  })

  test("the action's default token (the workflow's GITHUB_TOKEN) stops the bundle (dist/index.js), naming the token to use", async () => {
    // The runner puts action.yml's default, ${{ github.token }}, in INPUT_TOKEN when the workflow sets no `token`.
    const action = parse(await readFile(new URL('../action.yml', import.meta.url), 'utf8')) as {
      inputs: { token: { default: string } }
    }
    expect(action.inputs.token.default).toBe('${{ github.token }}')
    await withGitHub(async (github) => {
      const run = await runAction({
        dir: await mkdtemp(join(tmpdir(), 'ma-pre-')),
        apiUrl: github.url,
        roster: ROSTER,
        inputs: { token: WORKFLOW_TOKEN }
      })
      expectStoppedInPreflight(
        run,
        github,
        /Organization "acme": the workflow's GITHUB_TOKEN \(the "token" input's default\) may not read its members, so GitHub would list only public ones\. It needs a GitHub App installed on the organization with Organization permission "Members: read".*Set the "token" input to a personal access token of a member of "acme"/
      )
      // The quietly partial audit it used to make: the concealed member never listed, the issue written.
      expect(run.stdout).not.toMatch(/people to check/)
    })
  })
})

describe('preflight: what only the setting around it shows', () => {
  test("the workflow's GITHUB_TOKEN as issue token for another repository's tracking issue", async () => {
    await withGitHub(async (github) => {
      const run = await runActionInProcess({
        dir: await mkdtemp(join(tmpdir(), 'ma-pre-')),
        apiUrl: github.url,
        roster: ROSTER,
        inputs: { token: 'test-token', 'issue-token': WORKFLOW_TOKEN },
        env: { GITHUB_REPOSITORY: 'acme/automation' }
      })
      expectStoppedInPreflight(
        run,
        github,
        /Tracking repository acme\/security: the issue token is the workflow's GITHUB_TOKEN, which can write issues only in acme\/automation/
      )
    })
  })

  test('an empty X-OAuth-Scopes header: a fine-grained token runs; a classic one (ghp_) without scopes is stopped', async () => {
    await withGitHub(async (github) => {
      const fine = await inProcess(github, 'version: 1\norgs: [acme]\n', {
        token: 'github_pat_fine',
        'dry-run': 'true'
      })
      expect(fine.errors).toEqual([])
      expect(fine.stdout).toMatch(/Token: a fine-grained personal access token\./)
      const classic = await inProcess(github, 'version: 1\norgs: [acme]\n', {
        token: 'ghp_classic_none',
        'dry-run': 'true'
      })
      expect(classic.errors).toEqual([expect.stringMatching(/classic token without the read:org scope/)])
    })
  })

  test("an organization's SAML single sign-on refusal is quoted, not replaced", async () => {
    const sso =
      'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.'
    await withGitHub(
      async (github) => {
        const run = await inProcess(github, ROSTER, { token: 'test-token' })
        expectStoppedInPreflight(
          run,
          github,
          /Organization "acme": .*\(403 Resource protected by organization SAML enforcement/
        )
      },
      { fault: (r) => (r.path === '/user/memberships/orgs/acme' ? { status: 403, body: { message: sso } } : undefined) }
    )
  })
})

describe('preflight: what it lets through', () => {
  test('a classic token with read:org on an organization whose members are all public still runs', async () => {
    const b = new WorldBuilder().member('open', 'a').member('open', 'b')
    b.token('classic-read-org', { orgs: 'all', scopes: ['read:org', 'public_repo'] })
    const github = await Server.start({ world: b.world })
    try {
      const run = await inProcess(github, 'version: 1\norgs: [open]\n', {
        token: 'classic-read-org',
        'dry-run': 'true'
      })
      expect(run.errors).toEqual([])
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(/Token: a classic personal access token \(scopes: read:org, public_repo\)/)
      expect(run.stdout).toMatch(/2 people to check/)
    } finally {
      await github.close()
    }
  })

  test("an owner's classic token without admin:org: invitations not checked, for that reason (not for want of an owner)", async () => {
    const roster = 'version: 1\norgs: [acme]\ninclude:\n  pending-invitations: true\n'
    await withGitHub(async (github) => {
      const run = await inProcess(github, roster, { token: 'classic-owner-no-admin', 'dry-run': 'true' })
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(
        /::warning::invitations: acme: not checked: the "token" input is a classic token without the admin:org scope\./
      )
      expect(run.stdout).not.toMatch(/owner's token/)
      expect(github.requests.filter((r) => r.path.includes('invitations'))).toEqual([])
    })
  })

  test('a repository whose outside collaborators cannot be listed is named as not checked; the run goes on', async () => {
    const b = new WorldBuilder().member('acme', 'a')
    b.collaborator('acme', 'helper', { tools: 'push', locked: 'pull' })
    const github = await Server.start({
      world: b.world,
      fault: (r) =>
        r.path === '/repos/acme/locked/collaborators'
          ? { status: 403, body: { message: 'Must have admin rights to Repository.' } }
          : undefined
    })
    try {
      const roster = 'version: 1\norgs: [acme]\ninclude:\n  outside-collaborators: true\n'
      const run = await inProcess(github, roster, { token: 'test-token', 'dry-run': 'true' })
      expect(run.errors).toEqual([])
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(
        /::warning::outsideCollaborators: acme: not checked in acme\/locked: GitHub refused it \(403 Must have admin rights to Repository\.\)/
      )
      const report = run.report as { notChecked: Record<string, string>; outsideCollaborators: { login: string }[] }
      expect(report.notChecked.outsideCollaborators).toMatch(/acme\/locked/)
      expect(run.summary).toMatch(/- outsideCollaborators: acme: not checked in acme\/locked/)
    } finally {
      await github.close()
    }
  })
})

describe('the tracking issue refused after the audit: exit 1 with guidance, not GitHub raw', () => {
  test.each([
    ['reading its comments', (r: RecordedRequest) => r.method === 'GET' && /\/issues\/\d+\/comments$/.test(r.path)],
    ['commenting on an incomplete run', (r: RecordedRequest) => r.method === 'POST' && /\/comments$/.test(r.path)]
  ])('403 while %s', async (_name, refused) => {
    const b = new WorldBuilder().member('acme', 'a').member('acme', 'vanished')
    b.world.repos.push({ fullName: 'acme/security', private: true })
    let refusing = false
    const github = await Server.start({
      world: b.world,
      fault: (r) =>
        refusing && refused(r)
          ? { status: 403, body: { message: 'Resource not accessible by personal access token' } }
          : undefined
    })
    try {
      const roster = `${ROSTER}max-unknown-percent: 0\n`
      expect((await inProcess(github, roster, { token: 'test-token' })).code).toBe(0)
      expect(github.world.issues).toHaveLength(1)
      // An account gone between the member list and the activity checks is unknown: with
      // max-unknown-percent 0 the run is incomplete, so it reads the issue and comments instead of editing.
      b.world.users.find((u) => u.login === 'vanished')!.gone = true
      refusing = true
      const run = await inProcess(github, roster, { token: 'test-token' })
      expect(run.code).toBe(1)
      expect(run.errors).toEqual([
        expect.stringMatching(/The issue token cannot .*acme\/security \(403 .*Issues: (read and )?write/)
      ])
    } finally {
      await github.close()
    }
  })
})

test('the README\'s "Before the first run" table is the one the preflight quotes', async () => {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8')
  expect(readme).toContain(requirementsTable())
})
