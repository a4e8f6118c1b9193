/**
 * A write failing mid-adjustment, through the whole action: the record on the tracking issue
 * says exactly what was done, the next run completes it, and nothing is done twice.
 */
import { FakeGitHub } from '../fake-github/server.js'
import {
  adjustWorld,
  contactedAndApproved,
  held,
  orgWrites,
  roster,
  runOn,
  withFailingTeamRemoval
} from './adjust-helpers.js'

const DEMOTE = roster('  owners: demote\n  teams: remove\n  alumni-team: acme/emeritus\n')

describe('apply mode: a failure mid-adjustment', () => {
  test('the record says what was done; the next run finishes; nothing twice', async () => {
    const { github, removal } = await withFailingTeamRemoval()
    try {
      const issue = await contactedAndApproved(github, DEMOTE)
      removal.failing = true
      const first = await runOn(github, 9, DEMOTE)
      expect(first.code).toBe(0)
      expect(first.summary).toMatch(
        /alice in acme: adjusted on approval by carreau — 1 call made; stopped at a failed call/
      )
      expect(first.stdout).toMatch(/a change failed after 1 of 4; the next run finishes it/)
      const record = issue.comments.find((c) => c.body.includes('member-audit:adjustment'))!
      expect(record.body).toMatch(/- \[x\] owner → member/)
      expect(record.body).toMatch(/- \[ \] left team core/)
      expect(record.body).toMatch(/\*\*Stopped\*\*: 1 of 4 changes made; the next one failed \(Validation Failed/)
      expect(held(github.world, 'alice')).toMatchObject({
        role: 'member',
        teams: ['core:maintainer', 'incident-response:member']
      })

      removal.failing = false
      const second = await runOn(github, 10, DEMOTE)
      expect(second.summary).toMatch(/alice in acme: adjusted on approval by carreau — 3 calls made; done/)
      expect(held(github.world, 'alice')).toEqual({
        role: 'member',
        teams: ['emeritus:member'],
        repos: { 'vault-keys': 'admin' }
      })
      const made = orgWrites(github, true)
      expect(made).toEqual([
        'PUT /orgs/acme/memberships/alice',
        'DELETE /orgs/acme/teams/core/memberships/alice',
        'DELETE /orgs/acme/teams/incident-response/memberships/alice',
        'PUT /orgs/acme/teams/emeritus/memberships/alice'
      ])
      expect(record.body).toMatch(/\*\*Done\.\*\*/)
      expect(issue.comments.filter((c) => c.body.includes('member-audit:adjustment'))).toHaveLength(1)
      await runOn(github, 11, DEMOTE)
      expect(orgWrites(github)).toHaveLength(5) // four made, one refused by the fault; none again
    } finally {
      await github.close()
    }
  })

  test('a run that dies between a change and its record: the next run makes it again, to no effect, and records it', async () => {
    let dying = false
    const github = await FakeGitHub.start({
      world: adjustWorld(),
      // The record's update after the change fails: the run stops with the change made but not recorded.
      fault: (r) => {
        if (!dying || r.method !== 'PATCH' || !r.path.includes('/issues/comments/')) return undefined
        dying = false
        return { status: 422, body: { message: 'Validation Failed' } }
      }
    })
    try {
      const REMOVE = roster('  membership: remove\n')
      const issue = await contactedAndApproved(github, REMOVE)
      dying = true
      const died = await runOn(github, 9, REMOVE)
      expect(died.code).toBe(1)
      expect(held(github.world, 'alice')).toEqual({ role: null, teams: [], repos: {} })
      const record = issue.comments.find((c) => c.body.includes('member-audit:adjustment'))!
      expect(record.body).toMatch(/- \[ \] removed from the organization/) // made, not yet recorded
      const next = await runOn(github, 10, REMOVE)
      expect(next.code).toBe(0)
      expect(record.body).toMatch(/- \[x\] removed from the organization/)
      expect(record.body).toMatch(/\*\*Done\.\*\*/)
      const deletes = github.writes().filter((w) => w.method === 'DELETE' && w.path === '/orgs/acme/memberships/alice')
      expect(deletes.map((w) => w.status)).toEqual([204, 404]) // made again, answered "already so"
      expect(orgWrites(github)).toHaveLength(2)
    } finally {
      await github.close()
    }
  })
})
