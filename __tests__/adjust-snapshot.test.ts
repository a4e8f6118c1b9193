/**
 * Snapshots, their sealed store, the plans that change and restore privileges, and the journal
 * that lets a failed adjustment finish on the next run without doing anything twice.
 */
import { SealError, seal, unseal } from '../src/adjust/sealed.js'
import { type Snapshot, adjustmentPlan, restorePlan } from '../src/adjust/snapshot.js'
import { type JournalEntry, remaining } from '../src/adjust/journal.js'
import { callLine, execute } from '../src/adjust/execute.js'
import { FakeGitHub } from '../fake-github/server.js'
import { WorldBuilder, findOrg } from '../fake-github/world.js'
import { testClient } from './helpers.js'

const KEY = 'correct horse battery staple'
const ALICE: Snapshot = {
  org: 'acme',
  login: 'alice',
  role: 'admin',
  teams: [
    { slug: 'core', role: 'maintainer' },
    { slug: 'secret-incident-response', role: 'member' }
  ],
  repos: { 'private-infra': 'admin' },
  at: '2026-06-01T00:00:00Z'
}
const KEEP = {
  owners: 'demote',
  teams: 'remove',
  membership: 'keep',
  alumniTeam: { org: 'acme', slug: 'emeritus' }
} as const

describe('sealed store', () => {
  test('a sealed block names nothing of what it holds, and opens only with its key and its issue id', () => {
    const block = seal(KEY, 'roster.yml', ALICE)
    for (const secret of ['alice', 'core', 'secret-incident-response', 'private-infra', 'admin', 'maintainer'])
      expect(block).not.toContain(secret)
    expect(unseal(KEY, 'roster.yml', `text before\n${block}\nafter`)).toEqual(ALICE)
    expect(() => unseal('another key of some length', 'roster.yml', block)).toThrow(SealError)
    expect(() => unseal(KEY, 'other-roster.yml', block)).toThrow(SealError)
    expect(unseal(KEY, 'roster.yml', 'no block here')).toBeNull()
  })
})

describe('plans', () => {
  test('the last owner is never demoted, removed nor converted: the plan is refused with the reason', () => {
    for (const membership of ['keep', 'remove', 'outside-collaborator'] as const)
      expect(adjustmentPlan(ALICE, { ...KEEP, membership }, 1)).toEqual({
        refused: 'alice is the last owner of acme: an organization must keep an owner'
      })
  })

  test('demote, leave every team, join the alumni team — in that order', () => {
    const plan = adjustmentPlan(ALICE, KEEP, 2)
    expect('calls' in plan && plan.calls.map(callLine)).toEqual([
      'PUT /orgs/acme/memberships/alice {"role":"member"}',
      'DELETE /orgs/acme/teams/core/memberships/alice',
      'DELETE /orgs/acme/teams/secret-incident-response/memberships/alice',
      'PUT /orgs/acme/teams/emeritus/memberships/alice {"role":"member"}'
    ])
  })

  test('restore: invite with the role first and wait; once active, role, teams with their roles and permissions exactly', () => {
    expect(restorePlan(ALICE, 'none', { teams: [], repos: {} }).calls.map(callLine)).toEqual([
      'PUT /orgs/acme/memberships/alice {"role":"admin"}'
    ])
    expect(restorePlan(ALICE, 'pending', { teams: [], repos: {} })).toEqual({ calls: [], waiting: true })
    const active = restorePlan(ALICE, 'active', { role: 'member', teams: ['emeritus'], repos: {} }, 'emeritus')
    expect(active.waiting).toBe(false)
    expect(active.calls.map(callLine)).toEqual([
      'PUT /orgs/acme/memberships/alice {"role":"admin"}',
      'PUT /orgs/acme/teams/core/memberships/alice {"role":"maintainer"}',
      'PUT /orgs/acme/teams/secret-incident-response/memberships/alice {"role":"member"}',
      'DELETE /orgs/acme/teams/emeritus/memberships/alice',
      'PUT /repos/acme/private-infra/collaborators/alice {"permission":"admin"}'
    ])
  })
})

describe('journal', () => {
  test('one call failing mid-adjustment: the record says what was done, the next run completes it, nothing twice', async () => {
    const b = new WorldBuilder(new Date('2026-06-01T00:00:00Z'))
      .member('acme', 'owner', { role: 'admin' })
      .member('acme', 'alice', { role: 'admin' })
      .team('acme', 'core', [{ login: 'alice', role: 'maintainer' }])
      .team('acme', 'secret-incident-response', [{ login: 'alice' }])
      .team('acme', 'emeritus', [])
    let failing = true
    const github = await FakeGitHub.start({
      world: b.world,
      // The second call fails (a 422 is not retried) for as long as the first run lasts.
      fault: (r) =>
        failing && r.path.includes('/teams/core/') ? { status: 422, body: { message: 'Validation Failed' } } : undefined
    })
    try {
      const client = testClient(github.url)
      const plan = adjustmentPlan(ALICE, KEEP, 2)
      if (!('calls' in plan)) throw new Error('refused')
      const entry: JournalEntry = {
        kind: 'adjust',
        login: 'alice',
        org: 'acme',
        approvedBy: 'carreau',
        commentId: 9,
        at: ALICE.at,
        snapshot: ALICE,
        calls: plan.calls,
        done: 0
      }
      const records: string[] = []
      const record = async (e: JournalEntry): Promise<void> => void records.push(seal(KEY, 'roster.yml', e))

      const first = await execute(client, entry, record)
      expect(first.failed?.call.why).toBe('left team core')
      expect(first.made.map((c) => c.why)).toEqual(['owner → member'])
      const kept = unseal(KEY, 'roster.yml', records.at(-1)!) as JournalEntry
      expect(kept.done).toBe(1)
      expect(remaining(kept)).toHaveLength(plan.calls.length - 1)

      failing = false
      const second = await execute(client, kept, record)
      expect(second.failed).toBeNull()
      expect(second.made.map((c) => c.why)).toEqual([
        'left team core',
        'left team secret-incident-response',
        'joined team emeritus'
      ])
      const writes = github
        .writes()
        .filter((w) => w.status! < 300)
        .map((w) => `${w.method} ${w.path}`)
      expect(new Set(writes).size).toBe(writes.length)
      expect(writes).toHaveLength(4)
      const org = findOrg(b.world, 'acme')!
      expect(org.members.find((m) => m.login === 'alice')!.role).toBe('member')
      expect(org.teams!.map((t) => [t.slug, t.members.map((m) => m.login)])).toEqual([
        ['core', []],
        ['secret-incident-response', []],
        ['emeritus', ['alice']]
      ])
    } finally {
      await github.close()
    }
  })

  test('dry run lists the exact calls and makes none', async () => {
    const b = new WorldBuilder(new Date()).member('acme', 'owner', { role: 'admin' }).member('acme', 'alice')
    const github = await FakeGitHub.start({ world: b.world })
    try {
      const client = testClient(github.url)
      const plan = adjustmentPlan({ ...ALICE, role: 'member' }, { ...KEEP, membership: 'remove' }, 1)
      if (!('calls' in plan)) throw new Error('refused')
      const entry: JournalEntry = {
        kind: 'adjust',
        login: 'alice',
        org: 'acme',
        approvedBy: 'carreau',
        commentId: 9,
        at: ALICE.at,
        snapshot: ALICE,
        calls: plan.calls,
        done: 0
      }
      const out = await execute(client, entry, async () => {}, true)
      expect(out.made.map(callLine)).toEqual(['DELETE /orgs/acme/memberships/alice'])
      expect(github.requests).toEqual([])
    } finally {
      await github.close()
    }
  })
})
