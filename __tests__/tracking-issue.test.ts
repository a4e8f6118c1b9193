/**
 * The tracking issue over a changing world, run after run, against the fake GitHub: created,
 * ticks kept, returns shown, no write when nothing changed, due for a privilege change after the
 * grace period, closed when nobody is left, reopened when someone new lapses.
 */
import { auditMembers as runAudit } from '../src/run.js'
import { emptyUsage } from '../src/github/client.js'
import { parseRoster } from '../src/roster/load.js'
import { keepTrackingIssue, parseRepository } from '../src/tracking-issue/track.js'
import { recordingLogger, testClient } from './helpers.js'
import { FakeGitHub } from '../fake-github/server.js'
import { type World, WorldBuilder, daysAgo } from '../fake-github/world.js'

const DAY = 86400000
const START = new Date('2026-11-24T12:00:00Z')
const ROSTER = 'version: 1\norgs: [acme]\ntracking-issue:\n  repo: acme/security\n'

async function trackingRun(
  github: FakeGitHub,
  world: World,
  now: Date,
  rosterText = ROSTER,
  token = 'test-token',
  incomplete: string | null = null
) {
  world.now = now
  const log = recordingLogger()
  const usage = emptyUsage()
  const client = testClient(github.url, { token, log, usage })
  const roster = parseRoster(rosterText, '.github/member-audit.yml')
  const result = await runAudit({ client, roster, now, log, usage, serverUrl: 'https://github.com' })
  const where = parseRepository(roster.trackingIssue.repo)!
  return keepTrackingIssue({
    client,
    where,
    id: roster.file,
    roster,
    result,
    serverUrl: 'https://github.com',
    dryRun: false,
    incomplete,
    log
  })
}

const trackingIssues = (world: World) =>
  world.issues.filter((i) => i.repo === 'acme/security' && i.body.includes('member-audit:tracking-issue'))

describe('tracking issue, run after run', () => {
  test('five runs over a changing world, then a sixth with someone new', async () => {
    const b = new WorldBuilder(START)
    b.member('acme', 'alice', { role: 'admin' })
    b.member('acme', 'bob').did('bob', 'issue', 400, { repo: 'acme/app' })
    b.member('acme', 'carol').did('carol', 'issue_comment', 500, { repo: 'acme/app' })
    b.member('acme', 'dave').did('dave', 'pull_request', 10, { repo: 'acme/app' })
    b.world.repos.push({ fullName: 'acme/security', private: true })
    const world = b.world
    const github = await FakeGitHub.start({ world })
    try {
      // (1) Three people inactive: the issue is created, owners first.
      const first = await trackingRun(github, world, START)
      expect(first.sync.action).toBe('created')
      expect(trackingIssues(world)).toHaveLength(1)
      const issue = trackingIssues(world)[0]!
      expect(issue.labels).toEqual(['member-audit'])
      expect(issue.body).toMatch(
        /### To contact \(3\)\n\n- \[ \] \[alice\][^\n]*\*\*\(owner\)\*\*[^\n]*\n- \[ \] \[bob\][^\n]*\n- \[ \] \[carol\]/
      )
      expect(issue.body).toMatchSnapshot('run 1: created')

      // (2) A team member ticks bob's box; carol becomes active.
      issue.body = issue.body.replace('- [ ] [bob]', '- [x] [bob]')
      const day2 = new Date(START.getTime() + DAY)
      world.users
        .find((u) => u.login === 'carol')!
        .activities.push({ kind: 'review', at: daysAgo(day2, 0.5), repo: 'acme/app' })
      const second = await trackingRun(github, world, day2)
      expect(second.sync.action).toBe('updated')
      expect(trackingIssues(world)).toHaveLength(1)
      expect(issue.body).toMatch(
        /- \[x\] \[bob\][^\n]* · contacted 2026-11-25 <!-- ma:bob f=2026-11-24 c=2026-11-25 i=\d+ -->/
      )
      expect(issue.body).toMatch(/### Returned \(1\)[\s\S]*\[carol\][^\n]*active, \[review 2026-11-25\]/)
      expect(issue.body).toMatchSnapshot('run 2: tick kept, carol returned')

      // (3) Nothing changed: nothing is written.
      const writesBefore = github.writes().length
      const third = await trackingRun(github, world, day2)
      expect(third.sync.action).toBe('unchanged')
      expect(github.writes().length).toBe(writesBefore)

      // (4) The ticked person passes grace-days (30): due for a privilege change.
      const day33 = new Date(START.getTime() + 33 * DAY)
      const fourth = await trackingRun(github, world, day33)
      expect(fourth.plan.due.map((d) => d.record.login)).toEqual(['bob'])
      expect(issue.body).toMatch(
        /### Due for a privilege change \(1\)\n\nContacted more than 30 days ago and still inactive\.\n\n- \[bob\][^\n]*: contacted 2026-11-25/
      )
      expect(issue.body).not.toMatch(/### Returned/) // carol's return is older than the grace period
      expect(issue.body).toMatchSnapshot('run 4: bob due for a privilege change')

      // (5) Everyone resolved: closed with a comment.
      const day40 = new Date(START.getTime() + 40 * DAY)
      for (const login of ['alice', 'bob'])
        world.users
          .find((u) => u.login === login)!
          .activities.push({ kind: 'issue_comment', at: daysAgo(day40, 1), repo: 'acme/app' })
      const fifth = await trackingRun(github, world, day40)
      expect(fifth.sync.action).toBe('closed')
      expect(issue.state).toBe('closed')
      expect(issue.comments.map((c) => c.body)).toEqual([expect.stringMatching(/^Nobody is left to contact/)])
      expect(issue.body).toMatchSnapshot('run 5: closed')

      // (6) Someone new lapses: the same issue is reopened.
      b.member('acme', 'erin')
      const sixth = await trackingRun(github, world, new Date(START.getTime() + 41 * DAY))
      expect(sixth.sync.action).toBe('reopened')
      expect(issue.state).toBe('open')
      expect(trackingIssues(world)).toHaveLength(1)
      expect(issue.body).toMatch(/### To contact \(1\)\n\n- \[ \] \[erin\]/)
    } finally {
      await github.close()
    }
  })

  test('two overlapping runs leave one open issue', async () => {
    const b = new WorldBuilder(START)
    b.member('acme', 'quiet')
    b.world.repos.push({ fullName: 'acme/security', private: true })
    const github = await FakeGitHub.start({ world: b.world })
    try {
      const [one, two] = await Promise.all([trackingRun(github, b.world, START), trackingRun(github, b.world, START)])
      const open = trackingIssues(b.world).filter((i) => i.state === 'open')
      expect(open).toHaveLength(1)
      expect(one.sync.number).toBe(open[0]!.number)
      expect(two.sync.number).toBe(open[0]!.number)
    } finally {
      await github.close()
    }
  })

  test('a public tracking repository never names a concealed member, and counts them', async () => {
    const b = new WorldBuilder(START)
    b.member('acme', 'hidden-hank', { public: false })
    b.member('acme', 'open-olga')
    b.world.repos.push({ fullName: 'acme/security', private: false })
    const github = await FakeGitHub.start({ world: b.world })
    try {
      await trackingRun(github, b.world, START)
      const issue = trackingIssues(b.world)[0]!
      const everything = [issue.title, issue.body, ...issue.comments.map((c) => c.body)].join('\n')
      expect(everything).toContain('open-olga')
      expect(everything).not.toContain('hidden-hank')
      expect(issue.body).toMatch(/### To contact \(2\)\n\n1 concealed member is not named: this text is public/)
    } finally {
      await github.close()
    }
  })

  test('tracking-repository problems are named with what the issue token needs, before anything is written', async () => {
    const b = new WorldBuilder(START)
    b.member('acme', 'quiet')
    b.world.repos.push({ fullName: 'acme/security', private: true, hasIssues: false })
    b.token('read-only', { orgs: 'all', canWrite: false })
    const github = await FakeGitHub.start({ world: b.world })
    try {
      await expect(trackingRun(github, b.world, START)).rejects.toThrow(
        /Issues are disabled in tracking repository acme\/security \(410\)/
      )
      b.world.repos[0]!.hasIssues = true
      await expect(trackingRun(github, b.world, START, ROSTER, 'read-only')).rejects.toThrow(
        /The issue token cannot write the tracking issue in acme\/security \(403 .*Issues: write/
      )
      await expect(
        trackingRun(github, b.world, START, ROSTER.replace('acme/security', 'acme/nowhere'))
      ).rejects.toThrow(/Tracking repository acme\/nowhere was not found/)
      expect(github.writes().filter((w) => w.status && w.status < 300)).toEqual([])
    } finally {
      await github.close()
    }
  })

  test('an incomplete run leaves the list as it was and says why in one comment', async () => {
    const b = new WorldBuilder(START)
    b.member('acme', 'quiet')
    b.world.repos.push({ fullName: 'acme/security', private: true })
    const github = await FakeGitHub.start({ world: b.world })
    try {
      await trackingRun(github, b.world, START)
      const issue = trackingIssues(b.world)[0]!
      const before = issue.body
      b.member('acme', 'newcomer')
      const outcome = await trackingRun(
        github,
        b.world,
        new Date(START.getTime() + DAY),
        ROSTER,
        'test-token',
        '40 of 100 people (40.0%) could not be checked.'
      )
      expect(outcome.held).toMatch(/incomplete run/)
      expect(issue.body).toBe(before)
      expect(issue.comments.map((c) => c.body)).toEqual([
        'The run of 2026-11-25 was incomplete: 40 of 100 people (40.0%) could not be checked. The list above is left as it was; the next complete run updates it.'
      ])
    } finally {
      await github.close()
    }
  })
})
