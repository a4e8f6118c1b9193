/**
 * An interrupted adjustment is finished only after the same fresh check a new one needs: a person
 * who became active since the change stopped keeps what they still hold, and the record says why
 * the rest was not made.
 */
import { findUser } from '../fake-github/world.js'
import {
  comment,
  contactedAndApproved,
  held,
  orgWrites,
  roster,
  runOn,
  tick,
  withFailingTeamRemoval
} from './adjust-helpers.js'

const DEMOTE = roster('  owners: demote\n  teams: remove\n  alumni-team: acme/emeritus\n')

describe('apply mode: an interrupted adjustment', () => {
  test('of a person who became active meanwhile: not finished, recorded as such', async () => {
    const { github, removal } = await withFailingTeamRemoval()
    try {
      const issue = await contactedAndApproved(github, DEMOTE)
      removal.failing = true
      await runOn(github, 9, DEMOTE) // demoted, then stopped at the first team
      removal.failing = false
      expect(orgWrites(github, true)).toEqual(['PUT /orgs/acme/memberships/alice'])
      const world = github.world
      findUser(world, 'alice')!.activities.push({
        kind: 'issue',
        at: new Date(world.now.getTime() + 3_600_000),
        repo: 'acme/app'
      })

      const next = await runOn(github, 10, DEMOTE)
      expect(next.code).toBe(0)
      expect(orgWrites(github, true)).toEqual(['PUT /orgs/acme/memberships/alice']) // nothing more
      expect(held(world, 'alice')).toMatchObject({
        role: 'member',
        teams: ['core:maintainer', 'incident-response:member']
      })
      expect(next.summary).toMatch(
        /alice in acme: adjusted on approval by carreau — 0 calls made; not finished: active again on a fresh check/
      )
      const record = issue.comments.find((c) => c.body.includes('member-audit:adjustment'))!
      expect(record.body).toMatch(/\*\*Not finished\*\*: 1 of 4 changes made/)
      expect(record.body).toMatch(/active again on a fresh check/)
      expect(record.body).toMatch(/- \[ \] left team core/)

      // Recorded once: later runs neither finish it nor write the record again.
      const writes = github.writes().length
      await runOn(github, 11, DEMOTE)
      expect(orgWrites(github, true)).toHaveLength(1)
      expect(github.writes().filter((w) => w.path.includes('/issues/comments/')).length).toBe(
        github
          .writes()
          .slice(0, writes)
          .filter((w) => w.path.includes('/issues/comments/')).length
      )
    } finally {
      await github.close()
    }
  })

  test('approved again later: adjusted from where it stopped; reinstatement restores the state before the first change', async () => {
    const { github, removal } = await withFailingTeamRemoval()
    try {
      const issue = await contactedAndApproved(github, DEMOTE)
      const original = held(github.world, 'alice')
      removal.failing = true
      await runOn(github, 9, DEMOTE) // demoted (owner → member), stopped at the first team
      removal.failing = false
      const alice = findUser(github.world, 'alice')!
      alice.activities.push({ kind: 'issue', at: github.world.now, repo: 'acme/app' })
      await runOn(github, 10, DEMOTE) // active: not finished
      alice.activities = [] // the issue was deleted: inactive again, flagged again, contacted again
      await runOn(github, 11, DEMOTE)
      tick(github.world, 'alice')
      await runOn(github, 12, DEMOTE)
      await comment(github, 'carreau-token', issue.number, '/member-audit approve alice')
      const again = await runOn(github, 20, DEMOTE) // a second adjustment, whose snapshot holds the role "member"
      expect(again.summary).toMatch(/alice in acme: adjusted on approval by carreau — 3 calls made; done/)
      expect(held(github.world, 'alice')).toMatchObject({ role: 'member', teams: ['emeritus:member'] })
      expect(issue.comments.filter((c) => c.body.includes('member-audit:adjustment'))).toHaveLength(2)

      await comment(github, 'carreau-token', issue.number, '/member-audit reinstate alice')
      await runOn(github, 21, DEMOTE)
      expect(held(github.world, 'alice')).toEqual(original)
    } finally {
      await github.close()
    }
  })
})
