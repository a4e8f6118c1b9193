/**
 * The built-in sample world of `npm run demo`: three organizations and 44 people covering every
 * status, owners and concealed members among them. The tests use it too, so the demo stays true.
 */
import { type World, WorldBuilder, daysAgo } from './world.js'

export const DEMO_TOKEN = 'demo-token'
export const DEMO_REPOSITORY = 'orbit-lab/security'

/** The demo roster; `now` dates the exemption that is about to expire. */
export function demoRoster(now = new Date()): string {
  const soon = new Date(now.getTime() + 10 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10)
  return `# yaml-language-server: $schema=../roster.schema.json
version: 1
orgs:
  - orbit-lab
  - orbit-docs
  - name: orbit-infra
    inactive-after-days: 180
inactive-after-days: 365
warn-before-days: 30
teams:
  - team: orbit-lab/core
    inactive-after-days: 180
exemptions:
  - login: grace-hopper
    reason: Founding maintainer; reviews releases by mail
    approved-by: ada-admin
    until: 2099-12-31
  - login: old-timer
    reason: On sabbatical
    until: 2020-01-31
  - login: partial-pat
    reason: Still maintains the docs theme
    orgs: [orbit-docs]
  - login: sabbatical-sue
    reason: Research sabbatical
    until: ${soon}
  - login: long-gone
    reason: Left the project in 2023
include:
  outside-collaborators: true
`
}

export const DEMO_ROSTER = demoRoster()

export interface DemoWorld {
  world: World
  /** Who is expected to end up where: the demo's own ground truth. */
  expected: Record<string, string>
}

export function demoWorld(now = new Date()): DemoWorld {
  const b = new WorldBuilder(now)
  // An owner's token: two-factor status and invitations are visible to owners only.
  b.token(DEMO_TOKEN, { orgs: 'all', ownerOf: 'all' })
  const expected: Record<string, string> = {}
  const expect = (login: string, status: string): void => {
    expected[login] = status
  }

  // Owners.
  b.member('orbit-lab', 'ada-admin', { role: 'admin' }).did('ada-admin', 'commit', 3, { repo: 'orbit-lab/engine' })
  expect('ada-admin', 'active')
  b.member('orbit-lab', 'dormant-owner', { role: 'admin' })
    .member('orbit-docs', 'dormant-owner')
    .did('dormant-owner', 'issue', 500, { repo: 'orbit-lab/engine' })
  expect('dormant-owner', 'inactive')
  b.member('orbit-docs', 'docs-owner', { role: 'admin' }).did('docs-owner', 'review', 45, { repo: 'orbit-docs/site' })
  expect('docs-owner', 'active')
  b.member('orbit-infra', 'infra-owner', { role: 'admin', public: false }).did('infra-owner', 'issue_comment', 200, {
    repo: 'orbit-infra/deploy'
  })
  expect('infra-owner', 'inactive') // 180-day org: 200 days is too long ago
  b.member('orbit-infra', 'approaching-owner', { role: 'admin' }).did('approaching-owner', 'pull_request', 165, {
    repo: 'orbit-infra/deploy'
  })
  expect('approaching-owner', 'approaching')

  // Active through each kind of evidence the first sources see.
  const active: [string, Parameters<WorldBuilder['did']>[1], number, string][] = [
    ['alice', 'issue_comment', 200, 'orbit-lab/engine'],
    ['bob', 'review', 250, 'orbit-lab/engine'],
    ['carol', 'commit', 180, 'orbit-lab/engine'],
    ['dave', 'pull_request', 90, 'elsewhere/tool'],
    ['erin', 'star', 150, 'elsewhere/awesome-list'],
    ['frank', 'label', 12, 'orbit-lab/engine'],
    ['gina', 'push', 5, 'orbit-lab/engine'],
    ['hank', 'merge', 20, 'orbit-docs/site'],
    ['iris', 'issue', 300, 'orbit-docs/site'],
    ['jack', 'repository', 100, 'jack/dotfiles'],
    ['kate', 'issue_comment', 29, 'orbit-docs/site'],
    ['liam', 'close', 2, 'orbit-lab/engine'],
    ['mona', 'commit', 31, 'orbit-lab/engine'],
    ['nate', 'review', 10, 'orbit-docs/site']
  ]
  active.forEach(([login, kind, days, repo], i) => {
    b.member(i % 2 ? 'orbit-docs' : 'orbit-lab', login, { public: i % 3 !== 0 }).did(login, kind, days, { repo })
    expect(login, 'active')
  })
  // Active, but without two-factor authentication in all three organizations: reported once.
  for (const org of ['orbit-lab', 'orbit-docs', 'orbit-infra']) b.member(org, 'tri-member', { twoFactor: false })
  b.did('tri-member', 'commit', 40, { repo: 'orbit-infra/deploy' })
  expect('tri-member', 'active')

  // Approaching: active, but the latest activity is within 30 days of the threshold.
  for (const [login, kind, days] of [
    ['olga', 'issue', 350],
    ['pete', 'issue_comment', 345],
    ['quinn', 'review', 364]
  ] as const) {
    b.member('orbit-lab', login).did(login, kind, days, { repo: 'orbit-lab/engine' })
    expect(login, 'approaching')
  }

  // Inactive: nothing public in the window.
  b.member('orbit-lab', 'rita').did('rita', 'issue_comment', 366, { repo: 'orbit-lab/engine' })
  b.member('orbit-lab', 'sam')
  b.member('orbit-docs', 'tina', { public: false }).did('tina', 'issue_comment', 400, {
    repo: 'orbit-docs/site',
    editedAt: daysAgo(now, 10)
  })
  b.member('orbit-docs', 'uma').did('uma', 'commit', 100, { repo: 'uma/side-project', private: true })
  b.member('orbit-lab', 'old-timer').did('old-timer', 'pull_request', 700, { repo: 'orbit-lab/engine' })
  for (const login of ['rita', 'sam', 'tina', 'uma', 'old-timer']) expect(login, 'inactive')
  // victor pushed to a feature branch 45 days ago: neither a contribution nor still in the events
  // window; only the sweep of orbit-infra's repositories sees it.
  b.member('orbit-infra', 'victor').did('victor', 'push', 45, { repo: 'orbit-infra/deploy', defaultBranch: false })
  expect('victor', 'active')
  // wendy only applies labels in orbit-lab: 200 days ago, seen by the sweep too.
  b.member('orbit-lab', 'wendy').did('wendy', 'label', 200, { repo: 'orbit-lab/engine' })
  expect('wendy', 'active')

  // Exempt: inactive, but marked active by hand.
  b.member('orbit-lab', 'grace-hopper').did('grace-hopper', 'issue', 800, { repo: 'orbit-lab/engine' })
  expect('grace-hopper', 'exempt')
  // An exemption that covers only one of two orgs is not applied.
  b.member('orbit-lab', 'partial-pat').member('orbit-docs', 'partial-pat')
  expect('partial-pat', 'inactive')

  // Exempt until ten days from now: reported as expiring soon.
  b.member('orbit-lab', 'sabbatical-sue').did('sabbatical-sue', 'issue', 420, { repo: 'orbit-lab/engine' })
  expect('sabbatical-sue', 'exempt')

  // A team held to 180 days, with a maintainer; an invitation pending 45 days and one that failed.
  b.team('orbit-lab', 'core', [{ login: 'ada-admin', role: 'maintainer' }, { login: 'mona' }, { login: 'gina' }])
  b.invite('orbit-lab', {
    login: 'slow-invitee',
    email: null,
    role: 'direct_member',
    inviter: 'ada-admin',
    daysAgo: 45
  })
  b.invite('orbit-docs', {
    login: null,
    email: 'former-contributor@example.org',
    role: 'direct_member',
    inviter: 'docs-owner',
    daysAgo: 40,
    failedDaysAgo: 33,
    failedReason: 'Invitation expired'
  })

  // An outside collaborator with write access to the engine and nothing done in a year.
  b.collaborator('orbit-lab', 'contract-carl', { engine: 'push' })

  // Unknown: the account vanished between the member list and the activity checks.
  b.member('orbit-lab', 'vanished-vera')
  b.world.users.find((u) => u.login === 'vanished-vera')!.gone = true
  expect('vanished-vera', 'unknown')

  // More plain members, so the demo has the size of a small project.
  for (let i = 1; i <= 10; i++) {
    const login = `contributor-${i}`
    b.member(i % 2 ? 'orbit-lab' : 'orbit-docs', login).did(login, i % 3 ? 'issue_comment' : 'commit', i * 17, {
      repo: 'orbit-lab/engine'
    })
    expect(login, i * 17 >= 335 ? 'approaching' : 'active')
  }

  // A bot: skipped (include.bots is false).
  b.member('orbit-lab', 'orbit-ci[bot]', { type: 'Bot' })

  b.world.repos.push({ fullName: DEMO_REPOSITORY, private: false })
  return { world: b.world, expected }
}
