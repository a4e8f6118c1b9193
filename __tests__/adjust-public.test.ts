/**
 * Apply mode with a public tracking repository and a public workflow repository: the issue body,
 * every comment the action writes, the summary, the log and the report name no team, no
 * repository and no concealed membership from the snapshots — while the changes are made and
 * undone exactly. A concealed membership is never adjusted from a public issue: its record would
 * sit beside the person's public one, both citing the same approval (#21).
 */
import { FakeGitHub } from '../fake-github/server.js'
import type { JournalEntry } from '../src/adjust/journal.js'
import { type ApplyOutcome, adjustmentsSummary } from '../src/adjust/outcome.js'
import type { Person } from '../src/members/people.js'
import { disclosure } from '../src/text/disclosure.js'
import { findOrg } from '../fake-github/world.js'
import { adjustWorld, comment, commentEvent, held, orgWrites, runOn, tick, trackingIssue } from './adjust-helpers.js'

const ROSTER = `version: 1
orgs: [acme, labs]
tracking-issue:
  repo: acme/public-security
  grace-days: 7
adjust:
  approvers: [carreau]
  owners: demote
  teams: remove
  alumni-team: acme/emeritus
`
const PUBLIC = { env: { GITHUB_REPOSITORY: 'acme/public-security' } }
const SECRETS = [/\bcore\b(?! rate limit)/, /incident-response/, /vault-keys/, /secret-lab/, /emeritus/]

/** bob: public in acme (team core, push on the private vault-keys), concealed in labs (team secret-lab). */
function world(): ReturnType<typeof adjustWorld> {
  const w = adjustWorld()
  const acme = findOrg(w, 'acme')!
  acme.teams!.find((t) => t.slug === 'core')!.members.push({ login: 'bob', role: 'member' })
  acme.members.find((m) => m.login === 'bob')!.repos = { 'vault-keys': 'push' }
  w.orgs.push({
    login: 'labs',
    members: [
      { login: 'root', role: 'admin', public: true },
      { login: 'bob', role: 'member', public: false }
    ],
    teams: [{ slug: 'secret-lab', members: [{ login: 'bob', role: 'maintainer' }] }]
  })
  return w
}

function publicTexts(github: FakeGitHub, runs: { summary: string; stdout: string }[]): string[] {
  const issue = trackingIssue(github.world)
  return [
    issue.body,
    ...issue.comments.filter((c) => c.author === 'auditor').map((c) => c.body),
    ...runs.flatMap((r) => [r.summary, r.stdout])
  ]
}

describe('apply mode in public', () => {
  test('bob approved on a public issue: his public membership is adjusted, the concealed one untouched, and no public text ties him to it', async () => {
    const github = await FakeGitHub.start({ world: world() })
    try {
      const before = { acme: held(github.world, 'bob') }
      const runs = [await runOn(github, 0, ROSTER, PUBLIC)]
      tick(github.world, 'bob')
      runs.push(await runOn(github, 1, ROSTER, PUBLIC))
      const issue = trackingIssue(github.world).number
      const approval = await comment(github, 'carreau-token', issue, '/member-audit approve bob')
      const adjusted = await runOn(github, 9, ROSTER, PUBLIC)
      runs.push(adjusted)
      expect(held(github.world, 'bob')).toEqual({
        role: 'member',
        teams: ['emeritus:member'],
        repos: { 'vault-keys': 'push' }
      })
      // The concealed membership: untouched, and no write to that organization was even asked.
      expect(findOrg(github.world, 'labs')!.teams![0]!.members).toEqual([{ login: 'bob', role: 'maintainer' }])
      expect(orgWrites(github).filter((w) => w.includes('/labs/'))).toEqual([])
      await comment(github, 'carreau-token', issue, '/member-audit reinstate bob')
      runs.push(await runOn(github, 10, ROSTER, PUBLIC))
      expect(held(github.world, 'bob')).toEqual(before.acme)
      expect(orgWrites(github).length).toBeGreaterThan(0)
      expect(orgWrites(github).filter((w) => w.includes('/labs/'))).toEqual([])

      const texts = publicTexts(github, runs)
      for (const secret of SECRETS) for (const text of texts) expect(text).not.toMatch(secret)
      for (const text of texts) for (const line of text.split('\n')) expect(line).not.toMatch(/bob.*labs|labs.*bob/)
      // No record, summary line or log line about a concealed membership sits beside bob's.
      for (const text of texts) expect(text).not.toMatch(/not named here|A member not named|\[someone not named\]/)
      const records = trackingIssue(github.world).comments.filter((c) => c.body.includes('member-audit:adjustment'))
      expect(records.map((c) => c.body.split('\n')[1])).toEqual([
        '### bob in acme: privileges adjusted',
        '### bob in acme: reinstatement'
      ])
      expect(adjusted.summary).toContain('changes to concealed memberships are listed only in the JSON report')
      // The private report says what was not done, and why.
      const report = adjusted.report!
      expect((report.adjustments as Record<string, unknown>[]).map((e) => `${e.login} ${e.org}`)).toEqual(['bob acme'])
      for (const entry of report.adjustments as Record<string, unknown>[])
        expect(Object.keys(entry).sort()).toEqual(['action', 'approvedBy', 'at', 'login', 'org', 'state'])
      expect(report.adjustmentsNotHere).toEqual([
        {
          commentId: approval,
          by: 'carreau',
          login: 'bob',
          org: 'labs',
          reason: 'not adjusted here: keep the tracking issue private for concealed memberships'
        }
      ])
    } finally {
      await github.close()
    }
  })

  test('started by a comment on a public issue (no audit): GitHub is asked which memberships are public; only those are adjusted', async () => {
    const github = await FakeGitHub.start({ world: world() })
    try {
      await runOn(github, 0, ROSTER, PUBLIC)
      tick(github.world, 'bob')
      await runOn(github, 1, ROSTER, PUBLIC)
      const issue = trackingIssue(github.world).number
      await comment(github, 'carreau-token', issue, '/member-audit approve bob')
      const event = await commentEvent(issue)
      const run = await runOn(github, 9, ROSTER, { env: { ...PUBLIC.env, ...event.env } })
      expect(run.code).toBe(0)
      expect(held(github.world, 'bob')).toMatchObject({ role: 'member', teams: ['emeritus:member'] })
      expect(findOrg(github.world, 'labs')!.teams![0]!.members).toEqual([{ login: 'bob', role: 'maintainer' }])
      expect(orgWrites(github).filter((w) => w.includes('/labs/'))).toEqual([])
      const records = trackingIssue(github.world).comments.filter((c) => c.body.includes('member-audit:adjustment'))
      expect(records.map((c) => c.body.split('\n')[1])).toEqual(['### bob in acme: privileges adjusted'])
      for (const line of [run.summary, run.stdout].join('\n').split('\n'))
        expect(line).not.toMatch(/bob.*labs|labs.*bob/)
      expect((run.report!.adjustmentsNotHere as { org: string }[]).map((n) => n.org)).toEqual(['labs'])
    } finally {
      await github.close()
    }
  })
})

describe('the public summary of a private issue’s changes', () => {
  test('a concealed membership’s change or refusal is not listed beside the person’s public one', () => {
    const bob: Person = {
      login: 'bob',
      key: 'bob',
      type: 'User',
      memberships: [
        { org: 'acme', role: 'member', public: true },
        { org: 'labs', role: 'member', public: false }
      ]
    }
    const entry = (org: string): JournalEntry => ({
      kind: 'adjust',
      login: 'bob',
      org,
      approvedBy: 'carreau',
      commentId: 7,
      at: '2026-06-10T00:00:00Z',
      snapshot: { org, login: 'bob', role: 'member', teams: [], repos: {}, at: '2026-06-10T00:00:00Z' },
      calls: [],
      done: 0
    })
    const outcome: ApplyOutcome = {
      touched: [
        { entry: entry('acme'), state: 'done', made: [], named: true },
        { entry: entry('labs'), state: 'done', made: [], named: false }
      ],
      refused: [{ commentId: 7, by: 'carreau', login: 'bob', org: 'labs', reason: 'bob: already adjusted in labs' }],
      notHere: [],
      deferred: [],
      dryRun: false,
      skipped: null
    }
    const text = adjustmentsSummary(outcome, disclosure(true, [bob]))
    expect(text).toContain('- bob in acme: adjusted on approval by carreau')
    expect(text).not.toMatch(/labs|not named/)
    expect(text.match(/^- /gm)).toHaveLength(1)
    const inPrivate = adjustmentsSummary(outcome, disclosure(false, [bob]))
    expect(inPrivate).toContain('- bob in labs: adjusted')
    expect(inPrivate).toContain('bob: already adjusted in labs')
  })
})
