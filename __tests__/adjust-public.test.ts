/**
 * Apply mode with a public tracking repository and a public workflow repository: the issue body,
 * every comment the action writes, the summary, the log and the report name no team, no
 * repository and no concealed membership from the snapshots — while the changes are made and
 * undone exactly.
 */
import { FakeGitHub } from '../fake-github/server.js'
import { findOrg } from '../fake-github/world.js'
import { adjustWorld, comment, held, orgWrites, runOn, tick, trackingIssue } from './adjust-helpers.js'

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
  test('no snapshot content (teams, repositories, concealed memberships) in any public text', async () => {
    const github = await FakeGitHub.start({ world: world() })
    try {
      const before = { acme: held(github.world, 'bob') }
      const runs = [await runOn(github, 0, ROSTER, PUBLIC)]
      tick(github.world, 'bob')
      runs.push(await runOn(github, 1, ROSTER, PUBLIC))
      const issue = trackingIssue(github.world).number
      await comment(github, 'carreau-token', issue, '/member-audit approve bob')
      const adjusted = await runOn(github, 9, ROSTER, PUBLIC)
      runs.push(adjusted)
      expect(held(github.world, 'bob')).toEqual({
        role: 'member',
        teams: ['emeritus:member'],
        repos: { 'vault-keys': 'push' }
      })
      expect(findOrg(github.world, 'labs')!.teams![0]!.members).toEqual([])
      await comment(github, 'carreau-token', issue, '/member-audit reinstate bob')
      runs.push(await runOn(github, 10, ROSTER, PUBLIC))
      expect(held(github.world, 'bob')).toEqual(before.acme)
      expect(findOrg(github.world, 'labs')!.teams![0]!.members).toEqual([{ login: 'bob', role: 'maintainer' }])
      expect(orgWrites(github).length).toBeGreaterThan(0)

      const texts = publicTexts(github, runs)
      for (const secret of SECRETS) for (const text of texts) expect(text).not.toMatch(secret)
      // bob is named only with acme, where his membership is public; labs's record names no one.
      for (const text of texts) for (const line of text.split('\n')) expect(line).not.toMatch(/bob.*labs|labs.*bob/)
      const records = trackingIssue(github.world).comments.filter((c) => c.body.includes('member-audit:adjustment'))
      expect(records.map((c) => c.body.split('\n')[1])).toEqual([
        '### bob in acme: privileges adjusted',
        '### A member not named here (concealed membership): privileges adjusted',
        '### bob in acme: reinstatement',
        '### A member not named here (concealed membership): reinstatement'
      ])
      const report = adjusted.report!.adjustments as Record<string, unknown>[]
      expect(report).toHaveLength(2)
      for (const entry of report)
        expect(Object.keys(entry).sort()).toEqual(['action', 'approvedBy', 'at', 'login', 'org', 'state'])
    } finally {
      await github.close()
    }
  })
})
