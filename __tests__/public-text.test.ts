/**
 * What public text may name, by the one rule (src/text/disclosure.ts), through whole runs of the
 * action in a public repository with a public tracking repository: the issue, the job summary
 * and the log. Nobody without a public membership is named; someone public in one organization
 * and concealed in another is named with the public one only; no outside collaborator, invitee,
 * e-mail address or private repository appears. Each case failed on the code before the rule.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ActionRun, runActionInProcess } from '../fake-github/run-action.js'
import { FakeGitHub } from '../fake-github/server.js'
import { type World, WorldBuilder } from '../fake-github/world.js'

const NOW = new Date('2026-11-24T12:00:00Z')

async function publicRun(
  world: World,
  roster: string,
  fault?: Parameters<typeof FakeGitHub.start>[0]['fault']
): Promise<{ run: ActionRun; github: FakeGitHub }> {
  const github = await FakeGitHub.start({ world, ...(fault ? { fault } : {}) })
  try {
    const run = await runActionInProcess({
      dir: await mkdtemp(join(tmpdir(), 'ma-public-')),
      apiUrl: github.url,
      roster,
      inputs: { token: 'owner-token' },
      env: { GITHUB_REPOSITORY: 'acme/security' },
      now: NOW
    })
    return { run, github }
  } finally {
    await github.close()
  }
}

/** The lines of a text that name `login` (as a link or an @-mention). */
const linesNaming = (text: string, login: string): string[] =>
  text.split('\n').filter((l) => l.includes(`[${login}]`) || l.includes(`@${login}`))

describe('public text names only public memberships', () => {
  test('the issue, the summary and the log: concealed people, outside collaborators, invitees, e-mails and private repositories stay out', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'pat').member('beta', 'pat', { role: 'admin', public: false }) // public in acme, a concealed owner of beta
    b.member('acme', 'tina', { role: 'admin', public: false }) // a concealed owner, and an inviter
    b.member('acme', 'pete').did('pete', 'issue', 340, { repo: 'acme/secret', private: true }) // approaching, in a private repository
    b.member('acme', 'dave').did('dave', 'issue', 5, { repo: 'acme/app' })
    b.collaborator('acme', 'oscar', { app: 'push' }, { twoFactor: false })
    b.invite('acme', { login: 'newbie', email: null, role: 'direct_member', inviter: 'tina', daysAgo: 60 })
    b.invite('acme', { login: null, email: 'someone@example.org', role: 'direct_member', inviter: 'tina', daysAgo: 60 })
    b.token('owner-token', { orgs: 'all', ownerOf: 'all', seesPrivate: true })
    b.world.repos.push({ fullName: 'acme/security', private: false }, { fullName: 'acme/secret', private: true })
    const roster = [
      'version: 1',
      'orgs: [acme, beta]',
      'count-private-activity: true',
      'tracking-issue:',
      '  repo: acme/security',
      'include:',
      '  outside-collaborators: true',
      '  two-factor-disabled: true',
      '  pending-invitations: true'
    ].join('\n')
    // tina's events answer garbled once: the retry's warning would name her in the log.
    let garbled = 0
    const { run, github } = await publicRun(b.world, roster, (r) =>
      r.path === '/users/tina/events/public' && garbled++ === 0 ? { status: 200, body: '{"cut short' } : undefined
    )
    expect(run.code).toBe(0)
    const issue = github.world.issues.find((i) => i.repo === 'acme/security')!
    const texts = { issue: issue.body, summary: run.summary, log: run.stdout }
    for (const [where, text] of Object.entries(texts)) {
      for (const hidden of [
        'tina',
        'oscar',
        'newbie',
        'someone@example.org',
        'someone&#64;example.org',
        'acme/secret'
      ]) {
        expect({ where, hidden, found: text.includes(hidden) }).toEqual({ where, hidden, found: false })
      }
      // pat is named, and only with her public membership: beta appears on none of her lines.
      for (const l of linesNaming(text, 'pat'))
        expect({ where, line: l }).toEqual({ where, line: expect.not.stringMatching(/beta|\(owner\)/) })
    }
    expect(linesNaming(issue.body, 'pat')).toEqual([
      expect.stringMatching(/^- \[ \] \[pat\]\(https:\/\/github\.com\/pat\) · member of acme ·/)
    ])
    expect(run.stdout).toContain(
      "GitHub's answer to GET /users/someone not named/events/public was not valid JSON; asking again."
    )
    // pete's private act counts (count-private-activity), and reads as a private act without its repository.
    expect(linesNaming(run.summary, 'pete')).toEqual([expect.stringMatching(/private issue \d{4}-\d{2}-\d{2}/)])
    // The JSON report, for the security team, still names everyone.
    expect(JSON.stringify(run.report)).toContain('tina')
  })

  test('a concealed membership is never said through a public line: two-factor organizations, order, inviters', async () => {
    const b = new WorldBuilder(NOW)
    // kim: public in acme, concealed in beta, no two-factor authentication (GitHub lists her in both).
    b.member('acme', 'kim', { twoFactor: false }).member('beta', 'kim', { public: false, twoFactor: false })
    // zed: a public member of acme and a concealed owner of beta, who invited someone to beta.
    b.member('acme', 'zed').member('beta', 'zed', { role: 'admin', public: false })
    b.member('acme', 'amy') // inactive like zed, and first by login
    b.invite('beta', { login: 'newbie', email: null, role: 'direct_member', inviter: 'zed', daysAgo: 60 })
    b.token('owner-token', { orgs: 'all', ownerOf: 'all' })
    b.world.repos.push({ fullName: 'acme/security', private: false })
    const roster =
      'version: 1\norgs: [acme, beta]\ntracking-issue:\n  repo: acme/security\ninclude:\n  two-factor-disabled: true\n'
    const { run, github } = await publicRun(b.world, roster)
    expect(run.code).toBe(0)
    const issue = github.world.issues.find((i) => i.repo === 'acme/security')!.body
    for (const [where, text] of Object.entries({ issue, summary: run.summary, log: run.stdout }))
      for (const login of ['kim', 'zed'])
        for (const l of linesNaming(text, login))
          expect({ where, line: l }).toEqual({ where, line: expect.not.stringMatching(/beta|owner/) })
    // The two-factor table names kim with her public organization only.
    expect(run.summary).toMatch(
      /### Without two-factor authentication \(1\)\n\n\| Person \| Organizations \|\n\|[-| ]+\|\n\| \[kim\]\([^)]*\) \| acme \|/
    )
    // Owners first would put zed (an owner only where concealed) before amy: in public, by login.
    const order = (text: string) =>
      text
        .split('\n')
        .filter((l) => /\[(amy|zed)\]/.test(l))
        .map((l) => /\[(amy|zed)\]/.exec(l)![1])
    expect(order(issue)).toEqual(['amy', 'zed'])
    expect(order(run.summary)).toEqual(['amy', 'zed'])
    // The beta invitation's row does not name its inviter.
    expect(run.summary).toMatch(/\| beta \| \(not named: this text is public\) \| direct\\_member \| \(not named\) \|/)
    // The report, for the security team, keeps everything.
    const report = run.report as { twoFactorDisabled: { login: string; orgs: string[] }[] }
    expect(report.twoFactorDisabled).toEqual([{ login: 'kim', orgs: ['acme', 'beta'] }])
  })

  test('a verdict that rests on a concealed membership or an audited team is not named in public', async () => {
    const b = new WorldBuilder(NOW)
    // kim: public in acme (365 days), concealed in beta (180 days); last seen 200 days ago, so inactive only through beta.
    b.member('acme', 'kim').member('beta', 'kim', { public: false }).did('kim', 'issue', 200, { repo: 'acme/app' })
    // tim: public in acme only, in the audited team acme/core (180 days), last seen 200 days ago.
    b.member('acme', 'tim').did('tim', 'issue', 200, { repo: 'acme/app' })
    b.team('acme', 'core', [{ login: 'tim' }])
    // ann: public in acme, idle: inactive on her public membership alone, so named.
    b.member('acme', 'ann')
    b.token('owner-token', { orgs: 'all', ownerOf: 'all' })
    b.world.repos.push({ fullName: 'acme/security', private: false }, { fullName: 'acme/app', private: false })
    const roster = [
      'version: 1',
      'orgs:',
      '  - acme',
      '  - name: beta',
      '    inactive-after-days: 180',
      '    warn-before-days: 30',
      'teams:',
      '  - team: acme/core',
      '    inactive-after-days: 180',
      '    warn-before-days: 30',
      'tracking-issue:',
      '  repo: acme/security',
      ''
    ].join('\n')
    const { run, github } = await publicRun(b.world, roster)
    expect(run.code).toBe(0)
    const issue = github.world.issues.find((i) => i.repo === 'acme/security')!.body
    for (const [where, text] of Object.entries({ issue, summary: run.summary }))
      expect({ where, kim: linesNaming(text, 'kim'), tim: linesNaming(text, 'tim') }).toEqual({
        where,
        kim: [],
        tim: []
      })
    expect(linesNaming(issue, 'ann')).toHaveLength(1)
    // The report, for the security team, keeps both, inactive.
    const report = run.report as { people: { login: string; status: string }[] }
    expect(report.people.filter((p) => ['kim', 'tim'].includes(p.login)).map((p) => p.status)).toEqual([
      'inactive',
      'inactive'
    ])
  })

  test('the reason someone could not be checked names no private repository', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'quiet')
    b.member('acme', 'pusher').did('pusher', 'push', 40, { repo: 'acme/vault', private: true, defaultBranch: false })
    b.token('owner-token', { orgs: 'all', ownerOf: 'all', seesPrivate: true })
    b.world.repos.push({ fullName: 'acme/security', private: false }, { fullName: 'acme/vault', private: true })
    const roster =
      'version: 1\norgs: [acme]\ncount-private-activity: true\nmax-unknown-percent: 100\ntracking-issue:\n  repo: acme/security\n'
    const { run } = await publicRun(b.world, roster, (r) =>
      r.path === '/repos/acme/vault/activity' ? { status: 500, body: { message: 'Server Error' } } : undefined
    )
    expect(run.summary).toMatch(/where they could have acted: a private repository \\\(500 Server Error\\\)/)
    expect(run.summary + run.stdout).not.toContain('vault')
    expect(JSON.stringify(run.report)).toContain('acme/vault')
  })

  test('twenty organizations, people public in some and concealed in others: everyone with a public membership is on the list', async () => {
    const orgs = Array.from({ length: 20 }, (_, i) => `org${String.fromCharCode(97 + i)}`)
    const b = new WorldBuilder(NOW)
    const expected: { login: string; publicIn: string[]; concealedIn: string[] }[] = []
    for (let p = 0; p < 112; p++) {
      const login = `person-${p}`
      const mine = [orgs[p % 20]!, orgs[(p * 7 + 3) % 20]!].filter((o, i, all) => all.indexOf(o) === i)
      // 17 are public in their first org and concealed in their second; 15 concealed everywhere.
      const publicIn = p < 17 ? [mine[0]!] : p < 32 ? [] : mine
      for (const org of mine) b.member(org, login, { public: publicIn.includes(org) })
      expected.push({ login, publicIn, concealedIn: mine.filter((o) => !publicIn.includes(o)) })
    }
    b.token('owner-token', { orgs: 'all', ownerOf: 'all' })
    b.world.repos.push({ fullName: 'acme/security', private: false })
    const { run, github } = await publicRun(
      b.world,
      `version: 1\norgs: [${orgs.join(', ')}]\ntracking-issue:\n  repo: acme/security\n`
    )
    expect(run.code).toBe(0)
    const body = github.world.issues.find((i) => i.repo === 'acme/security')!.body
    // Each person with a public membership has one line, naming only public memberships; the others none.
    const seen = expected.map((person) => {
      const lines = linesNaming(body, person.login)
      const leaks = person.concealedIn.filter((org) => lines.some((l) => new RegExp(`\\b${org}\\b`).test(l)))
      const shown = person.publicIn.filter((org) => lines.some((l) => new RegExp(`member of ${org}\\b`).test(l)))
      return { login: person.login, lines: lines.length, leaks, shown }
    })
    expect(seen).toEqual(
      expected.map((p) => ({ login: p.login, lines: p.publicIn.length ? 1 : 0, leaks: [], shown: p.publicIn }))
    )
    expect(body).toMatch(/### To contact \(112\)\n\n15 concealed members are not named/)
    for (const text of [run.summary, run.stdout]) {
      for (const person of expected.filter((p) => p.publicIn.length === 0)) {
        expect(text).not.toMatch(new RegExp(`(?<![\\w-])${person.login}(?![\\w-])`))
      }
    }
  })
})
