/**
 * Apply mode's other paths through the whole action: a dry run lists the exact calls and makes
 * none; a run started by a comment (`issue_comment`) reads commands and applies them without the
 * full audit, and a comment on another issue does nothing.
 */
import { FakeGitHub } from '../fake-github/server.js'
import {
  adjustWorld,
  comment,
  commentEvent,
  contactedAndApproved,
  held,
  orgWrites,
  roster,
  runOn,
  tick,
  trackingIssue
} from './adjust-helpers.js'

const DEMOTE = roster('  owners: demote\n  teams: remove\n')

const dueAndApproved = async (github: FakeGitHub): Promise<number> =>
  (await contactedAndApproved(github, DEMOTE)).number

describe('apply mode: dry run', () => {
  test('lists the exact calls (METHOD path) and makes no write at all', async () => {
    const github = await FakeGitHub.start({ world: adjustWorld() })
    try {
      await dueAndApproved(github)
      const writesBefore = github.writes().length
      const run = await runOn(github, 9, DEMOTE, { inputs: { 'dry-run': 'true' } })
      expect(run.code).toBe(0)
      expect(github.writes()).toHaveLength(writesBefore)
      expect(run.summary).toContain(
        'alice in acme: adjusted on approval by carreau — 3 calls that would be made; dry run: nothing was changed'
      )
      expect(run.summary).toContain('  - `PUT /orgs/acme/memberships/alice {"role":"member"}`')
      expect(run.summary).toContain('  - `DELETE /orgs/acme/teams/core/memberships/alice`')
      expect(run.summary).toContain('  - `DELETE /orgs/acme/teams/incident-response/memberships/alice`')
      // The approval was not used up: the real run carries it out.
      await runOn(github, 10, DEMOTE)
      expect(held(github.world, 'alice')).toMatchObject({ role: 'member', teams: [] })
    } finally {
      await github.close()
    }
  })
})

describe('apply mode: started by a comment', () => {
  test('reads the commands and applies them, with the fresh check, and no audit', async () => {
    const github = await FakeGitHub.start({ world: adjustWorld() })
    try {
      const issue = await dueAndApproved(github)
      const from = github.requests.length
      const run = await runOn(github, 9, DEMOTE, await commentEvent(issue))
      expect(run.code).toBe(0)
      expect(orgWrites(github)).toHaveLength(3)
      expect(held(github.world, 'alice')).toMatchObject({ role: 'member', teams: [] })
      const asked = github.requests.slice(from)
      // No member list, no sweep: only the approved person's membership and activity were read.
      expect(asked.filter((r) => r.path === '/orgs/acme/members' && r.query.role !== 'admin')).toEqual([])
      expect(asked.filter((r) => r.method === 'PATCH' && /\/issues\/\d+$/.test(r.path))).toEqual([])
      expect(asked.some((r) => r.path === '/graphql')).toBe(true) // the fresh check
      expect(run.summary).not.toMatch(/## Member audit/)
      expect(run.summary).toMatch(/alice in acme: adjusted on approval by carreau — 3 calls made; done/)
      expect(run.report!.adjustments).toHaveLength(1)
    } finally {
      await github.close()
    }
  })

  test('a comment on another issue does nothing', async () => {
    const github = await FakeGitHub.start({ world: adjustWorld() })
    try {
      await dueAndApproved(github)
      const writesBefore = github.writes().length
      const run = await runOn(github, 9, DEMOTE, await commentEvent(4242))
      expect(run.code).toBe(0)
      expect(github.writes()).toHaveLength(writesBefore)
      expect(run.summary).toMatch(/The comment is not on the tracking issue: nothing to do/)
    } finally {
      await github.close()
    }
  })
})

describe('apply mode: max-per-run', () => {
  test('approved people beyond max-per-run wait for the next run, which carries them out', async () => {
    const github = await FakeGitHub.start({ world: adjustWorld() })
    try {
      const ONE = roster('  owners: demote\n  teams: remove\n  max-per-run: 1\n')
      await runOn(github, 0, ONE)
      tick(github.world, 'alice')
      tick(github.world, 'bob')
      await runOn(github, 1, ONE)
      await comment(github, 'carreau-token', trackingIssue(github.world).number, '/member-audit approve alice bob')
      const first = await runOn(github, 9, ONE)
      expect(first.summary).toMatch(/1 approved person left for the next run \(max-per-run\)/)
      expect(held(github.world, 'alice')).toMatchObject({ role: 'member' })
      expect(orgWrites(github).filter((w) => w.endsWith('/bob'))).toEqual([])
      const second = await runOn(github, 10, ONE)
      expect(second.summary).not.toMatch(/Refused/)
      // bob, a member in no team, has nothing to lose: the record says so, and alice is not asked about again.
      expect(second.summary).toMatch(/bob in acme: adjusted on approval by carreau — 0 calls made; done/)
      expect(second.summary).not.toMatch(/alice in acme/)
    } finally {
      await github.close()
    }
  })
})
