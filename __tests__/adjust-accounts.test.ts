/**
 * Approvals are bound to accounts, not logins: an approver who renames keeps their right; whoever
 * registers the freed login gets none, and nothing is written on their word.
 */
import { renameUser } from '../fake-github/accounts.js'
import { FakeGitHub } from '../fake-github/server.js'
import { findOrg } from '../fake-github/world.js'
import {
  adjustWorld,
  comment,
  contacted,
  commentEvent,
  held,
  orgWrites,
  roster,
  runOn,
  tick,
  trackingIssue
} from './adjust-helpers.js'

const DEMOTE = roster('  owners: demote\n  teams: remove\n')

describe('apply mode: approvers are accounts', () => {
  test("a renamed approver's old login taken by someone else: their approval refused, nothing written; the renamed approver still approves", async () => {
    const github = await FakeGitHub.start({ world: adjustWorld() })
    try {
      await runOn(github, 0, DEMOTE) // apply mode sees the roster's approver carreau for the first time
      tick(github.world, 'alice')
      await runOn(github, 1, DEMOTE)
      const issue = trackingIssue(github.world).number

      renameUser(github.world, 'carreau', 'carreau-renamed', { id: 999_001 })
      github.world.tokens['imposter-token'] = { orgs: [], memberOf: [], login: 'carreau' }
      await comment(github, 'imposter-token', issue, '/member-audit approve alice')
      const refused = await runOn(github, 9, DEMOTE)
      expect(refused.code).toBe(0)
      expect(refused.summary).toMatch(
        /Refused: comment \d+ by carreau: carreau is not an approver: the login is listed in adjust.approvers, but it now belongs to another account/
      )
      expect(refused.stdout).toMatch(/adjust.approvers lists carreau, but that login now belongs to another account/)
      expect(orgWrites(github)).toEqual([])
      expect(held(github.world, 'alice')).toMatchObject({ role: 'admin' })

      // carreau-token now acts as carreau-renamed: the same account, which keeps the right.
      await comment(github, 'carreau-token', issue, '/member-audit approve alice')
      const approved = await runOn(github, 10, DEMOTE)
      expect(approved.summary).toMatch(/alice in acme: adjusted on approval by carreau-renamed — 3 calls made; done/)
      expect(held(github.world, 'alice')).toMatchObject({ role: 'member', teams: [] })
    } finally {
      await github.close()
    }
  })

  test('reinstatement names the adjusted account: a login taken over since is refused, nothing written; the new login is reinstated', async () => {
    const REMOVE = roster('  membership: remove\n')
    const github = await FakeGitHub.start({ world: adjustWorld() })
    try {
      const issue = await contacted(github, REMOVE)
      await comment(github, 'carreau-token', issue, '/member-audit approve alice')
      const adjusted = await runOn(github, 9, REMOVE)
      expect(adjusted.summary).toMatch(/alice in acme: adjusted/)
      expect(orgWrites(github)).toEqual(['DELETE /orgs/acme/memberships/alice'])

      renameUser(github.world, 'alice', 'alice-elsewhere', { id: 999_002 }) // someone else registers "alice"
      await comment(github, 'carreau-token', issue, '/member-audit reinstate alice')
      const refused = await runOn(github, 10, REMOVE)
      expect(refused.summary).toMatch(
        /alice: the login now belongs to another account than the one adjusted; nothing done/
      )
      expect(orgWrites(github)).toHaveLength(1) // no invitation to the new holder of "alice"

      await comment(github, 'carreau-token', issue, '/member-audit reinstate alice-elsewhere')
      await runOn(github, 11, REMOVE)
      expect(orgWrites(github).slice(1)).toEqual(['PUT /orgs/acme/memberships/alice-elsewhere'])
    } finally {
      await github.close()
    }
  })

  test('an approval names the account flagged and contacted: a new account under that login is never adjusted on it', async () => {
    const REMOVE = roster('  membership: remove\n')
    const github = await FakeGitHub.start({ world: adjustWorld() })
    try {
      const issue = await contacted(github, REMOVE)
      // alice renames; someone else registers "alice" and joins acme. The issue's line for "alice"
      // (flagged, contacted) is about the first account, not this one.
      renameUser(github.world, 'alice', 'alice-renamed', { id: 999_003 })
      findOrg(github.world, 'acme')!.members.push({ login: 'alice', role: 'member', public: true })
      await comment(github, 'carreau-token', issue, '/member-audit approve alice')
      // The comment's own run first (no audit, the issue's lines as they were), then the schedule's.
      const onComment = await runOn(github, 9, REMOVE, await commentEvent(issue))
      expect(onComment.summary).toMatch(/alice: not marked contacted on the tracking issue/)
      const scheduled = await runOn(github, 9, REMOVE)
      expect(scheduled.code).toBe(0)
      expect(orgWrites(github)).toEqual([])
      expect(held(github.world, 'alice')).toMatchObject({ role: 'member' })
    } finally {
      await github.close()
    }
  })
})
