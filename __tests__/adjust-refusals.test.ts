/**
 * Apply mode refuses, with a reason and without writing to an organization: a member's token
 * (the preflight), an approval by someone who is not an approver, a forged approval outside a
 * comment, an approval for someone active again. The last owner is never demoted or removed.
 */
import { FakeGitHub } from '../fake-github/server.js'
import { findOrg, findUser } from '../fake-github/world.js'
import {
  KEY,
  adjustWorld,
  comment,
  commentEvent,
  held,
  orgWrites,
  roster,
  runOn,
  tick,
  trackingIssue
} from './adjust-helpers.js'

const DEMOTE = roster('  owners: demote\n  teams: remove\n')

/** alice flagged on day 0, contacted on day 1, due from day 9. */
async function due(github: FakeGitHub): Promise<number> {
  await runOn(github, 0, DEMOTE)
  tick(github.world, 'alice')
  tick(github.world, 'bob')
  await runOn(github, 1, DEMOTE)
  return trackingIssue(github.world).number
}

describe('apply mode refuses', () => {
  test("a member's token: the preflight fails with one error, before any write; the key is masked", async () => {
    const world = adjustWorld()
    world.tokens['member-token'] = { orgs: 'all', memberOf: ['acme'], login: 'bob' }
    const github = await FakeGitHub.start({ world })
    try {
      const run = await runOn(github, 0, DEMOTE, { inputs: { token: 'member-token' } })
      expect(run.code).toBe(1)
      expect(run.errors).toHaveLength(1)
      expect(run.errors[0]).toMatch(/mode is apply, but the "token" input's account is not an owner of acme/)
      expect(github.writes()).toEqual([])
      expect(run.stdout).toContain(`::add-mask::${KEY}`)
    } finally {
      await github.close()
    }
  })

  test('an approval by someone who is not an approver: refused with the reason, nothing written', async () => {
    const github = await FakeGitHub.start({ world: adjustWorld() })
    try {
      const issue = await due(github)
      await comment(github, 'mallory-token', issue, '/member-audit approve alice')
      const run = await runOn(github, 9, DEMOTE)
      expect(run.summary).toMatch(/Refused: comment \d+ by mallory: mallory is not an approver/)
      expect(orgWrites(github)).toEqual([])
    } finally {
      await github.close()
    }
  })

  test('a forged approval in the issue body, in a quote or in an edited comment: none counts, nothing written', async () => {
    const github = await FakeGitHub.start({ world: adjustWorld() })
    try {
      const issue = await due(github)
      const tracking = trackingIssue(github.world)
      tracking.body += '\n/member-audit approve alice\n' // someone with write access edits the body
      await comment(
        github,
        'carreau-token',
        issue,
        '> /member-audit approve alice\n```\n/member-audit approve alice\n```'
      )
      const edited = await comment(github, 'carreau-token', issue, 'looks fine')
      const forged = tracking.comments.find((c) => c.id === edited)!
      forged.body = '/member-audit approve alice' // edited afterwards (by anyone with write access)
      forged.updatedAt = new Date(github.world.now.getTime() + 60_000).toISOString()
      // Started by the comment (a scheduled run would first rewrite the body, dropping the forgery).
      const run = await runOn(github, 9, DEMOTE, await commentEvent(issue))
      expect(run.summary).toMatch(/edited after it was written; edits count for nothing/)
      expect(run.summary).toMatch(/Refused: the issue body: a command in the issue body counts for nothing/)
      expect(orgWrites(github)).toEqual([])
      expect(held(github.world, 'alice')).toMatchObject({ role: 'admin' })
    } finally {
      await github.close()
    }
  })

  test('an approval for someone active again by the time it is applied: refused on the fresh check', async () => {
    const world = adjustWorld()
    let comesBack = false
    // alice comes back after the audit read her activity, when the apply stage starts reading her
    // membership: only a check made right then can see it.
    const fault = (r: { method: string; path: string }): undefined => {
      if (comesBack && r.method === 'GET' && r.path === '/orgs/acme/memberships/alice') {
        comesBack = false
        findUser(world, 'alice')!.activities.push({ kind: 'issue', at: world.now, repo: 'acme/app' })
      }
      return undefined
    }
    const github = await FakeGitHub.start({ world, fault })
    try {
      const issue = await due(github)
      await comment(github, 'carreau-token', issue, '/member-audit approve alice')
      comesBack = true
      const run = await runOn(github, 9, DEMOTE)
      expect(run.summary).toMatch(/\| Inactive \| 2 \|/) // the audit still saw her inactive
      expect(run.summary).toMatch(/alice: active again on a fresh check just now/)
      expect(orgWrites(github)).toEqual([])
    } finally {
      await github.close()
    }
  })

  test('the last owner of an organization is never demoted or removed', async () => {
    const world = adjustWorld()
    findOrg(world, 'acme')!.members.find((m) => m.login === 'root')!.role = 'member'
    const github = await FakeGitHub.start({ world })
    try {
      const issue = await due(github)
      const rules = [DEMOTE, roster('  membership: remove\n'), roster('  membership: outside-collaborator\n')]
      for (const [i, rule] of rules.entries()) {
        await comment(github, 'carreau-token', issue, '/member-audit approve alice')
        const run = await runOn(github, 9 + i, rule)
        expect(run.summary).toMatch(/alice: alice is the last owner of acme: an organization must keep an owner/)
      }
      expect(orgWrites(github)).toEqual([])
      expect(held(github.world, 'alice')).toMatchObject({ role: 'admin' })
    } finally {
      await github.close()
    }
  })

  test('a snapshot-key that does not open the records stops apply mode before any change', async () => {
    const github = await FakeGitHub.start({ world: adjustWorld() })
    try {
      const issue = await due(github)
      await comment(github, 'carreau-token', issue, '/member-audit approve alice')
      await runOn(github, 9, DEMOTE) // adjusted, with a sealed record
      await comment(github, 'carreau-token', issue, '/member-audit reinstate alice')
      const writes = orgWrites(github).length
      const run = await runOn(github, 10, DEMOTE, { inputs: { 'snapshot-key': 'another key, also long enough' } })
      expect(run.code).toBe(1)
      expect(run.errors).toEqual([
        expect.stringMatching(/does not open with this snapshot-key .* Nothing was adjusted or reinstated/)
      ])
      expect(orgWrites(github)).toHaveLength(writes)
    } finally {
      await github.close()
    }
  })
})
