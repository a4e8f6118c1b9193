/**
 * What an adversarial review of the traffic changes found (each test failed on the code before
 * its fix): a failed by-actor read kept as read, a fork's force push outside the busy-timeline
 * radius, the both-ends cut-off judged from the wrong end, a private repository named through an
 * item's address, and roles read at a cost that grows with the organization.
 */
import { auditWorld, rosterFor, statuses } from './helpers.js'
import { WorldBuilder } from '../fake-github/world.js'
import { disclosure, redact } from '../src/text/disclosure.js'
import { busyPushes, relabelled } from './traffic-helpers.js'

const NOW = new Date('2026-11-24T12:00:00Z')

test('a pusher whose by-actor read failed in the first round is read again, not judged inactive', async () => {
  const b = new WorldBuilder(NOW)
  b.member('acme', 'pusher').did('pusher', 'push', 200, { repo: 'acme/app', defaultBranch: false })
  b.member('acme', 'idle')
  busyPushes(b, 'acme/app')
  b.world.repos.push({ fullName: 'acme/app', private: false, roles: { pusher: 'write' } })
  let failures = 0
  // The by-actor request fails through all four of the client's tries in the first round (a short outage).
  const fault = (r: { path: string; query: Record<string, string> }) =>
    r.path === '/repos/acme/app/activity' && r.query.actor === 'pusher' && failures++ < 4
      ? { status: 502, body: { message: 'Server Error' } }
      : undefined
  const { result, github } = await auditWorld(b.world, rosterFor('acme'), { fault })
  const byActor = github.requests.filter((r) => r.path === '/repos/acme/app/activity' && r.query.actor === 'pusher')
  expect(byActor.map((r) => r.status)).toEqual([502, 502, 502, 502, 200])
  expect(statuses(result)).toEqual({ pusher: 'active', idle: 'inactive' })
  expect(result.verdicts.find((v) => v.person.login === 'pusher')!.lastActivity).toMatchObject({ kind: 'push' })
})

test("a force push to a fork's branch of a busy pull request, by someone with no role here, is found", async () => {
  const b = new WorldBuilder(NOW)
  b.member('acme', 'alice').did('alice', 'issue', 3, { repo: 'acme/app' })
  b.member('acme', 'bob').did('bob', 'force_push', 300, {
    repo: 'acme/app',
    item: 7,
    onPullRequest: true,
    itemAuthor: 'alice',
    fromFork: true
  })
  relabelled(b, 'acme/app', 7)
  busyPushes(b, 'acme/app')
  // bob holds the base permission only (read): no role would let him act on the item here.
  b.world.repos.push({ fullName: 'acme/app', private: false, roles: {} })
  const { result } = await auditWorld(b.world, rosterFor('acme'))
  expect(statuses(result)).toEqual({ alice: 'active', bob: 'active' })
  expect(result.verdicts.find((v) => v.person.login === 'bob')!.lastActivity).toMatchObject({
    kind: 'head_ref_force_pushed',
    url: 'https://github.com/acme/app/pull/7'
  })
})

test.each(['oldest-first', 'newest-first'] as const)(
  'discussion comments served %s, the newest ones private and not counted: read on to the public one, never inactive',
  async (order) => {
    const b = new WorldBuilder(NOW)
    b.world.unorderedConnections = order
    b.member('acme', 'discusser').did('discusser', 'discussion_comment', 200, { repo: 'acme/app' })
    for (let i = 0; i < 4; i++) b.did('discusser', 'discussion_comment', 500 + i, { repo: 'acme/app' })
    for (let i = 0; i < 3; i++) b.did('discusser', 'discussion_comment', 50 + i, { repo: 'acme/secret', private: true })
    b.world.repos.push({ fullName: 'acme/secret', private: true })
    b.world.tokens['test-token']!.seesPrivate = true
    const { result } = await auditWorld(b.world, rosterFor('acme'))
    const verdict = result.verdicts.find((v) => v.person.login === 'discusser')!
    // Before reading on (#20) this was unknown: "more items than one page, none of those read counts".
    expect(verdict.status).toBe('active')
    expect(verdict.lastActivity).toMatchObject({ kind: 'discussion_comment', repo: 'acme/app' })
  }
)

test('more private items than reading on may page through: unknown, never inactive', async () => {
  const b = new WorldBuilder(NOW)
  // The one public comment sorts after 1,200 private ones edited today (issue comments come by updatedAt).
  b.member('acme', 'busy').did('busy', 'issue_comment', 200, { repo: 'elsewhere/tool' })
  for (let i = 0; i < 1200; i++)
    b.did('busy', 'issue_comment', 1 + (i % 300), { repo: 'acme/secret', private: true, editedAt: NOW })
  b.world.repos.push({ fullName: 'acme/secret', private: true })
  b.world.tokens['test-token']!.seesPrivate = true
  const { result } = await auditWorld(b.world, rosterFor('acme'))
  const verdict = result.verdicts.find((v) => v.person.login === 'busy')!
  expect(verdict.status).toBe('unknown')
  expect(verdict.errors.join(' ')).toMatch(/issue comments: more items than were read, none of those read counts/)
})

test("a private repository named inside an item's address is redacted in public text", () => {
  const d = disclosure(true, [], ['acme/secret'])
  const error = 'could not read: https://github.com/acme/secret/pull/7 (Something went wrong); acme/secret; acme/open'
  expect(redact(error, d)).toBe(
    'could not read: a private repository (Something went wrong); a private repository; acme/open'
  )
})

test('roles in a large organization: one page per repository, then the people left asked one by one', async () => {
  const b = new WorldBuilder(NOW)
  for (let i = 0; i < 1000; i++) b.member('acme', `m${i}`).did(`m${i}`, 'issue', 10, { repo: 'acme/r0' })
  b.member('acme', 'idle')
  b.member('acme', 'pusher').did('pusher', 'push', 200, { repo: 'acme/r2', defaultBranch: false })
  for (let r = 0; r < 5; r++) {
    busyPushes(b, `acme/r${r}`)
    b.world.repos.push({ fullName: `acme/r${r}`, private: false, roles: r === 2 ? { pusher: 'write' } : {} })
  }
  const { result, github } = await auditWorld(b.world, rosterFor('acme'))
  expect(statuses(result)).toMatchObject({ idle: 'inactive', pusher: 'active' })
  // 1,002 collaborators are 11 pages; before, each busy repository read all of them (55 requests).
  expect(github.requests.filter((r) => r.path.endsWith('/collaborators'))).toHaveLength(5)
  expect(github.requests.filter((r) => r.path.endsWith('/permission')).length).toBeLessThanOrEqual(10)
}, 60_000)

test('roles in a large organization with many people left: the whole list once, its first page not read again', async () => {
  const b = new WorldBuilder(NOW)
  for (let i = 0; i < 1000; i++) b.member('acme', `m${i}`).did(`m${i}`, 'issue', 10, { repo: 'acme/r0' })
  for (let i = 0; i < 20; i++) b.member('acme', `idle${i}`)
  busyPushes(b, 'acme/app')
  b.world.repos.push({ fullName: 'acme/app', private: false, roles: {} })
  const { result, github } = await auditWorld(b.world, rosterFor('acme'))
  expect(result.verdicts.filter((v) => v.status === 'inactive')).toHaveLength(20)
  const pages = github.requests
    .filter((r) => r.path === '/repos/acme/app/collaborators')
    .map((r) => Number(r.query.page ?? 1))
  // 1,020 collaborators: 11 pages of 100, each read once; nobody asked one by one.
  expect(pages.sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
  expect(github.requests.filter((r) => r.path.endsWith('/permission'))).toEqual([])
}, 60_000)
