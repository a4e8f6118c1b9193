/**
 * Apply mode end to end, through the whole action against the fake GitHub: flagged → contacted →
 * due → approved → adjusted → reinstatement asked → invited → accepted → restored, ending with
 * exactly the roles, teams and permissions the person had.
 */
import { FakeGitHub } from '../fake-github/server.js'
import { acceptInvitation } from '../fake-github/org-writes.js'
import { adjustWorld, comment, held, orgWrites, roster, runOn, tick, trackingIssue } from './adjust-helpers.js'

const REMOVE = roster('  membership: remove\n')

describe('apply mode: the whole lifecycle', () => {
  test('removed on approval, invited back on reinstate, restored exactly once they accept', async () => {
    const github = await FakeGitHub.start({ world: adjustWorld() })
    try {
      const before = held(github.world, 'alice')
      expect(before).toEqual({
        role: 'admin',
        teams: ['core:maintainer', 'incident-response:member'],
        repos: { 'vault-keys': 'admin' }
      })
      expect((await runOn(github, 0, REMOVE)).code).toBe(0) // flagged
      const issue = trackingIssue(github.world)
      tick(github.world, 'alice')
      expect((await runOn(github, 1, REMOVE)).code).toBe(0) // contacted on day 1
      await comment(github, 'carreau-token', issue.number, '/member-audit approve alice')
      const early = await runOn(github, 2, REMOVE) // approved, but not due yet
      expect(early.summary).toMatch(/alice: contacted on 2026-06-02: the grace period \\?\(7 days\\?\) has not passed/)
      expect(orgWrites(github)).toEqual([])

      await comment(github, 'carreau-token', issue.number, '/member-audit approve alice')
      const adjusted = await runOn(github, 9, REMOVE) // due, approved again
      expect(adjusted.code).toBe(0)
      expect(orgWrites(github)).toEqual(['DELETE /orgs/acme/memberships/alice'])
      expect(held(github.world, 'alice')).toEqual({ role: null, teams: [], repos: {} })
      const record = issue.comments.find((c) => c.author === 'auditor' && c.body.includes('privileges adjusted'))!
      expect(record.body).toMatch(/### alice in acme: privileges adjusted/)
      expect(record.body).toMatch(/Approved by carreau/)
      expect(record.body).toMatch(/- \[x\] removed from the organization/)
      expect(record.body).toMatch(/`\/member-audit reinstate alice`/)
      expect(adjusted.summary).toMatch(/alice in acme: adjusted on approval by carreau — 1 call made; done/)
      expect(adjusted.report!.adjustments).toMatchObject([
        {
          login: 'alice',
          org: 'acme',
          action: 'adjust',
          approvedBy: 'carreau',
          state: 'done',
          snapshot: { role: 'admin' }
        }
      ])

      const again = await runOn(github, 10, REMOVE) // nothing new: nothing written
      expect(orgWrites(github)).toHaveLength(1)
      expect(again.summary).toMatch(/No approved adjustment or reinstatement to carry out/)

      await comment(github, 'carreau-token', issue.number, '/member-audit reinstate alice')
      const invited = await runOn(github, 11, REMOVE)
      expect(orgWrites(github).slice(1)).toEqual(['PUT /orgs/acme/memberships/alice'])
      expect(invited.summary).toMatch(/reinstatement waiting for acceptance/)
      const waiting = issue.comments.filter((c) => c.author === 'auditor' && c.body.includes(': reinstatement'))
      expect(waiting.at(-1)!.body).toMatch(/Reinstatement waiting for acceptance/)
      expect((await runOn(github, 12, REMOVE)).summary).toMatch(/reinstatement waiting for acceptance/)
      expect(orgWrites(github)).toHaveLength(2)

      acceptInvitation(github.world, 'acme', 'alice')
      const restored = await runOn(github, 13, REMOVE)
      expect(restored.code).toBe(0)
      expect(held(github.world, 'alice')).toEqual(before)
      expect(orgWrites(github).slice(2)).toEqual([
        'PUT /orgs/acme/teams/core/memberships/alice',
        'PUT /orgs/acme/teams/incident-response/memberships/alice',
        'PUT /repos/acme/vault-keys/collaborators/alice'
      ])
      expect(waiting.at(-1)!.body).toMatch(/\*\*Reinstated\*\*/)
      await runOn(github, 14, REMOVE)
      expect(orgWrites(github)).toHaveLength(5) // nothing done twice
    } finally {
      await github.close()
    }
  })
})
