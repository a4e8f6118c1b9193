/**
 * The action as the Actions runner runs it (INPUT_* and GITHUB_* variables only), against the fake
 * GitHub serving the demo world: first the bundle (`node dist/index.js`) once, as a smoke test of
 * what users run, then other runs through the same `run()` in process.
 */
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEMO_REPOSITORY, DEMO_ROSTER, DEMO_TOKEN, demoWorld } from '../fake-github/demo-world.js'
import { type ActionRun, type ActionRunOptions, runAction, runActionInProcess } from '../fake-github/run-action.js'
import { FakeGitHub } from '../fake-github/server.js'

const CONCEALED_INACTIVE = ['tina', 'infra-owner']

/** The JSON report, as far as these tests read it. */
type Report = Record<string, unknown> & { people: ({ login: string; status: string } & Record<string, unknown>)[] }

async function runOnDemo(
  overrides: Partial<ActionRunOptions> & { repoPrivate?: boolean; apiPath?: string; bundle?: boolean } = {}
): Promise<{ run: ActionRun; github: FakeGitHub; expected: Record<string, string> }> {
  const { world, expected } = demoWorld()
  if (overrides.repoPrivate) world.repos.find((r) => r.fullName === DEMO_REPOSITORY)!.private = true
  const github = await FakeGitHub.start({ world })
  try {
    const run = await (overrides.bundle ? runAction : runActionInProcess)({
      dir: await mkdtemp(join(tmpdir(), 'ma-e2e-')),
      apiUrl: github.url + (overrides.apiPath ?? ''),
      roster: DEMO_ROSTER,
      inputs: { token: DEMO_TOKEN, 'dry-run': 'true' },
      env: { GITHUB_REPOSITORY: DEMO_REPOSITORY },
      ...overrides
    })
    return { run, github, expected }
  } finally {
    await github.close()
  }
}

describe('node dist/index.js on the demo world', () => {
  let demo: Awaited<ReturnType<typeof runOnDemo>>
  beforeAll(async () => {
    demo = await runOnDemo({ bundle: true })
  })

  test('succeeds and sets every output of docs/contract.md', () => {
    const { run } = demo
    expect(run.code).toBe(0)
    expect(run.outputs).toEqual({
      'member-count': '44',
      'inactive-count': '8',
      'approaching-count': '4',
      'unknown-count': '1',
      'exempt-count': '2',
      'report-path': expect.stringMatching(/member-audit\/report\.json$/),
      'csv-path': expect.stringMatching(/member-audit\/report\.csv$/),
      'issue-number': '',
      'issue-url': ''
    })
  })

  test("the JSON report follows docs/contract.md and every verdict matches the world's truth", () => {
    const report = demo.run.report as Report
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        'version',
        'generatedAt',
        'windowDays',
        'since',
        'orgs',
        'people',
        'outsideCollaborators',
        'invitations',
        'twoFactorDisabled',
        'apiUsage'
      ])
    )
    expect(report.version).toBe(1)
    expect(report.windowDays).toBe(365)
    expect(report.orgs).toEqual([
      { login: 'orbit-lab', members: 27, complete: false },
      { login: 'orbit-docs', members: 18, complete: true },
      { login: 'orbit-infra', members: 4, complete: true }
    ])
    const got = Object.fromEntries(report.people.map((p) => [p.login, p.status]))
    expect(got).toEqual(demo.expected)
    const alice = report.people.find((p) => p.login === 'alice')
    expect(alice).toMatchObject({
      orgs: [{ org: 'orbit-lab', role: 'member', public: false }],
      lastActivity: {
        kind: 'issue_comment',
        source: 'issue-comments',
        url: expect.stringMatching(/^https:\/\/github\.com\//)
      },
      exemption: null,
      errors: []
    })
    const grace = report.people.find((p) => p.login === 'grace-hopper')
    expect(grace?.exemption).toEqual({
      reason: 'Founding maintainer; reviews releases by mail',
      approvedBy: 'ada-admin',
      until: '2099-12-31',
      state: 'valid'
    })
    expect(report.people[0]).toMatchObject({ login: 'dormant-owner', status: 'inactive' }) // owners first
    expect(report.apiUsage).toEqual({
      rest: expect.any(Number),
      graphql: expect.any(Number),
      graphqlPoints: expect.any(Number),
      search: 0
    })
  })

  test('the summary has the counts and tables, and names no concealed member (the repository is public)', () => {
    const { summary } = demo.run
    expect(summary).toMatch(/## Member audit: 44 people in 3 organizations/)
    expect(summary).toMatch(/\| Inactive \| 8 \|/)
    expect(summary).toMatch(/### Inactive \(8\)/)
    expect(summary).toMatch(/\[dormant-owner\]\(https:\/\/github\.com\/dormant-owner\) \*\*\(owner\)\*\*/)
    expect(summary).toMatch(/### Unknown \(could not be checked\) \(1\)[\s\S]*vanished-vera[\s\S]*account not found/)
    expect(summary).toMatch(/2 concealed members are not named/)
    // A dry run shows the issue text it would write (the public tracking issue names no concealed member either).
    expect(summary).toMatch(/### Tracking issue\n\nno issue yet: dry run: nothing was written\. 8 to contact/)
    expect(summary).toMatch(
      /<details><summary>Issue text this run would write<\/summary>\n\n<!-- member-audit:tracking-issue id=\.github\/member-audit\.yml -->/
    )
    for (const login of CONCEALED_INACTIVE) expect(summary).not.toContain(login)
    const report = demo.run.report as Report
    for (const login of CONCEALED_INACTIVE) expect(report.people.some((p) => p.login === login)).toBe(true)
  })

  test('nothing is written to GitHub and the token appears only in the mask command', async () => {
    expect(demo.github.writes()).toEqual([])
    const csv = await readFile(demo.run.outputs['csv-path']!, 'utf8')
    for (const text of [demo.run.summary, JSON.stringify(demo.run.report), csv, demo.run.stderr])
      expect(text).not.toContain(DEMO_TOKEN)
    expect(demo.run.stdout.split(DEMO_TOKEN)).toHaveLength(2)
    expect(demo.run.stdout).toContain(`::add-mask::${DEMO_TOKEN}`)
  })

  test('the CSV lists everyone, owners first', async () => {
    const csv = (await readFile(demo.run.outputs['csv-path']!, 'utf8')).trim().split('\n')
    expect(csv[0]).toBe(
      'login,status,owner,orgs,last_activity_at,last_activity_kind,last_activity_url,source,exemption_reason,exemption_until,exemption_state,errors'
    )
    expect(csv).toHaveLength(45)
    expect(csv[1]).toMatch(/^dormant-owner,inactive,yes,/)
  })
})

describe('the action in process, other runs', () => {
  test('in a private repository, concealed members are named in the summary', async () => {
    const { run } = await runOnDemo({ repoPrivate: true })
    expect(run.code).toBe(0)
    expect(run.summary).toContain('[tina]')
    expect(run.summary).not.toMatch(/concealed members? (is|are) not named/)
  })

  test('a GitHub Enterprise Server base URL (…/api/v3, GraphQL at /api/graphql) works', async () => {
    const { run, github } = await runOnDemo({ apiPath: '/api/v3' })
    expect(run.code).toBe(0)
    expect(run.outputs['member-count']).toBe('44')
    // The client itself must ask GHES's paths (the fake maps both to GitHub.com's, so look at what was asked).
    expect(github.requests.some((r) => r.rawPath === '/api/graphql')).toBe(true)
    expect(github.requests.some((r) => r.rawPath === '/api/v3/orgs/orbit-lab/members')).toBe(true)
    expect(github.requests.every((r) => r.rawPath.startsWith('/api/'))).toBe(true)
  })

  test('more unknown people than max-unknown-percent: reports written, then the step fails', async () => {
    const { world } = demoWorld()
    const github = await FakeGitHub.start({ world })
    try {
      const run = await runActionInProcess({
        dir: await mkdtemp(join(tmpdir(), 'ma-e2e-')),
        apiUrl: github.url,
        roster: DEMO_ROSTER + 'max-unknown-percent: 0\n',
        inputs: { token: DEMO_TOKEN }
      })
      expect(run.code).toBe(1)
      expect(run.errors).toEqual([
        expect.stringMatching(/^1 of 44 people \(2\.3%\) could not be checked, more than max-unknown-percent \(0%\)/)
      ])
      expect(run.report).not.toBeNull()
      expect(run.summary).toMatch(/### Unknown/)
      expect(github.writes()).toEqual([])
    } finally {
      await github.close()
    }
  })

  test.each([
    ['dry-run: maybe', { token: DEMO_TOKEN, 'dry-run': 'maybe' }, /Input "dry-run" must be true or false, not "maybe"/],
    ['an empty token', { token: '' }, /Input "token" is empty/],
    ['a revoked token', { token: 'revoked' }, /GitHub rejected the token \(401 Bad credentials\)/]
  ])('bad input (%s): one message, exit 1, nothing written', async (_name, inputs, message) => {
    const { world } = demoWorld()
    const github = await FakeGitHub.start({ world })
    try {
      const run = await runActionInProcess({
        dir: await mkdtemp(join(tmpdir(), 'ma-e2e-')),
        apiUrl: github.url,
        roster: DEMO_ROSTER,
        inputs
      })
      expect(run.code).toBe(1)
      expect(run.errors).toEqual([expect.stringMatching(message)])
      expect(github.writes()).toEqual([])
      expect(run.report).toBeNull()
    } finally {
      await github.close()
    }
  })

  test('without dry-run the tracking issue is written once, and a second run on the same day writes nothing', async () => {
    const { world } = demoWorld()
    const github = await FakeGitHub.start({ world })
    try {
      const options = {
        apiUrl: github.url,
        roster: DEMO_ROSTER,
        inputs: { token: DEMO_TOKEN },
        env: { GITHUB_REPOSITORY: DEMO_REPOSITORY }
      }
      const first = await runActionInProcess({ dir: await mkdtemp(join(tmpdir(), 'ma-e2e-')), ...options })
      expect(first.code).toBe(0)
      expect(first.outputs['issue-number']).toBe('1')
      expect(first.outputs['issue-url']).toBe('https://github.com/orbit-lab/security/issues/1')
      expect(first.summary).toMatch(
        /### Tracking issue\n\n\[\\#1\]\(https:\/\/github\.com\/orbit-lab\/security\/issues\/1\): created\. 8 to contact/
      )
      const issue = world.issues[0]!
      expect(issue.body).toMatch(/### To contact \(8\)/)
      for (const login of CONCEALED_INACTIVE) expect(issue.body).not.toContain(login)
      // The repository's visibility is read once, for the issue and the summary alike.
      expect(github.requests.filter((r) => r.path === '/repos/orbit-lab/security')).toHaveLength(1)
      const writes = github.writes().length
      const second = await runActionInProcess({ dir: await mkdtemp(join(tmpdir(), 'ma-e2e-')), ...options })
      expect(second.code).toBe(0)
      expect(second.summary).toMatch(/unchanged \(nothing to write\)/)
      expect(github.writes().length).toBe(writes)
      expect(world.issues).toHaveLength(1)
    } finally {
      await github.close()
    }
  })

  test('a dry run in a public repository with a private tracking repository does not show the would-be issue text', async () => {
    const { world } = demoWorld()
    world.repos.push({ fullName: 'orbit-lab/private-tracking', private: true })
    const github = await FakeGitHub.start({ world })
    try {
      const run = await runActionInProcess({
        dir: await mkdtemp(join(tmpdir(), 'ma-e2e-')),
        apiUrl: github.url,
        roster: DEMO_ROSTER + 'tracking-issue:\n  repo: orbit-lab/private-tracking\n',
        inputs: { token: DEMO_TOKEN, 'dry-run': 'true' },
        env: { GITHUB_REPOSITORY: DEMO_REPOSITORY }
      })
      expect(run.code).toBe(0)
      expect(run.summary).toMatch(
        /The would-be issue text is not shown: the tracking repository is private and this summary is public\./
      )
      expect(run.summary).not.toContain('member-audit:tracking-issue')
      for (const login of CONCEALED_INACTIVE) expect(run.summary).not.toContain(login)
    } finally {
      await github.close()
    }
  })
})
