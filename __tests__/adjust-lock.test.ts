/**
 * The apply lock (src/adjust/lock.ts), through the whole action against the fake GitHub: two
 * apply runs started together make each change once, and the person comes back with exactly what
 * they had; a run that dies holding the lock stops the next one until the lock expires, then the
 * next run finishes the work; a token that may not write the lock stops apply mode before any
 * organization write.
 */
import { gitData } from '../fake-github/git-refs.js'
import type { FaultAnswer } from '../fake-github/server.js'
import { FakeGitHub } from '../fake-github/server.js'
import { adjustWorld, comment, contactedAndApproved, held, orgWrites, roster, runOn } from './adjust-helpers.js'

const DEMOTE = roster('  owners: demote\n  teams: remove\n  alumni-team: acme/emeritus\n')
const ORIGINAL = {
  role: 'admin',
  teams: ['core:maintainer', 'incident-response:member'],
  repos: { 'vault-keys': 'admin' }
}
const ADJUSTED = [
  'PUT /orgs/acme/memberships/alice',
  'DELETE /orgs/acme/teams/core/memberships/alice',
  'DELETE /orgs/acme/teams/incident-response/memberships/alice',
  'PUT /orgs/acme/teams/emeritus/memberships/alice'
]
const isOrgWrite = (r: { method: string; path: string }): boolean =>
  r.method !== 'GET' && (r.path.startsWith('/orgs/') || r.path.includes('/collaborators/'))

/** An approver asks for alice back; the next run restores her. */
async function reinstate(github: FakeGitHub, issue: number, day: number): Promise<void> {
  await comment(github, 'carreau-token', issue, '/member-audit reinstate alice')
  expect((await runOn(github, day, DEMOTE)).code).toBe(0)
}

describe('apply mode: the lock', () => {
  test('two apply runs started together: each change made once; reinstatement restores exactly', async () => {
    const github = await FakeGitHub.start({ world: adjustWorld() })
    try {
      const issue = await contactedAndApproved(github, DEMOTE)
      expect(held(github.world, 'alice')).toEqual(ORIGINAL)
      const runs = await Promise.all([runOn(github, 9, DEMOTE), runOn(github, 9, DEMOTE)])
      expect(runs.map((r) => r.code)).toEqual([0, 0])
      expect(orgWrites(github, true)).toEqual(ADJUSTED)
      expect(held(github.world, 'alice')).toEqual({ role: 'member', teams: ['emeritus:member'], repos: ORIGINAL.repos })
      // Both wanted the lock: one created it, the other was told it exists.
      const creates = github.writes().filter((w) => w.method === 'POST' && w.path.endsWith('/git/refs'))
      expect(creates.map((w) => w.status)).toEqual(expect.arrayContaining([201, 422]))
      // The holder renewed its lock (a fast forward) before the change.
      const renewals = github.writes().filter((w) => w.method === 'PATCH' && w.path.includes('/git/refs/'))
      expect(renewals.map((w) => w.status)).toEqual([200])
      expect(issue.comments.filter((c) => c.body.includes('member-audit:adjustment'))).toHaveLength(1)
      expect(gitData(github.world, 'acme/security').refs).toEqual({}) // released

      await reinstate(github, issue.number, 10)
      expect(held(github.world, 'alice')).toEqual(ORIGINAL)
    } finally {
      await github.close()
    }
  })

  test('a run that dies holding the lock: the next one stops while it is valid; once it expires, the work is finished, each change once', async () => {
    let state: 'alive' | 'dying' | 'dead' = 'alive'
    let served = 0
    const github = await FakeGitHub.start({
      world: adjustWorld(),
      // The run dies (every request unanswered) when it asks for its second organization change.
      fault: (r): FaultAnswer | undefined => {
        if (state === 'dead') return { reset: true }
        if (state === 'dying' && isOrgWrite(r) && ++served === 2) state = 'dead'
        return state === 'dead' ? { reset: true } : undefined
      }
    })
    try {
      const issue = await contactedAndApproved(github, DEMOTE)
      state = 'dying'
      const died = await runOn(github, 9, DEMOTE)
      expect(died.code).toBe(1)
      state = 'alive'
      expect(orgWrites(github, true)).toEqual(ADJUSTED.slice(0, 1))
      expect(Object.keys(gitData(github.world, 'acme/security').refs)).toHaveLength(1) // left behind

      const blocked = await runOn(github, 9, DEMOTE) // the same hour: the lock is still valid
      expect(blocked.code).toBe(0)
      expect(blocked.summary).toMatch(/Another apply run holds the lock for this tracking issue/)
      expect(orgWrites(github, true)).toEqual(ADJUSTED.slice(0, 1))

      const next = await runOn(github, 10, DEMOTE) // a day later: expired, taken over
      expect(next.code).toBe(0)
      expect(next.stdout).toMatch(/An earlier apply run's lock had expired/)
      expect(orgWrites(github, true)).toEqual(ADJUSTED)
      expect(gitData(github.world, 'acme/security').refs).toEqual({})

      await reinstate(github, issue.number, 11)
      expect(held(github.world, 'alice')).toEqual(ORIGINAL)
    } finally {
      await github.close()
    }
  })

  test('an issue token that may not write the lock: apply stops with the reason, no organization write', async () => {
    const world = adjustWorld()
    world.tokens['test-token']!.contentsWrite = false
    const github = await FakeGitHub.start({ world })
    try {
      await contactedAndApproved(github, DEMOTE)
      const run = await runOn(github, 9, DEMOTE)
      expect(run.code).toBe(1)
      expect(run.errors).toEqual([
        expect.stringMatching(
          /could not take the apply lock in acme\/security .*nothing was adjusted or reinstated.*Contents: read and write/
        )
      ])
      expect(orgWrites(github)).toEqual([])
      expect(held(github.world, 'alice')).toEqual(ORIGINAL)
    } finally {
      await github.close()
    }
  })
})
