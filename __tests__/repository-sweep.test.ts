/**
 * The per-repository sweep: what no per-user API shows after 30 days — labels, merges, closes
 * and pushes to any branch in the roster's organizations — found for everyone still left.
 */
import { auditWorld, rosterFor, statuses } from './helpers.js'
import { WorldBuilder } from '../fake-github/world.js'

const NOW = new Date('2026-11-24T12:00:00Z')

describe('repository sweep', () => {
  test('only a label 200 days ago, a merge 150 days ago, a close 90 days ago, a feature-branch push 120 days ago: all active', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'labeller').did('labeller', 'label', 200, { repo: 'acme/app' })
    b.member('acme', 'maintainer').did('maintainer', 'merge', 150, { repo: 'acme/app' })
    b.member('acme', 'triager').did('triager', 'close', 90, { repo: 'acme/docs' })
    b.member('acme', 'brancher').did('brancher', 'push', 120, { repo: 'acme/app', defaultBranch: false })
    b.member('acme', 'idle')
    const { result, github } = await auditWorld(b.world, rosterFor('acme'))
    expect(statuses(result)).toEqual({
      labeller: 'active',
      maintainer: 'active',
      triager: 'active',
      brancher: 'active',
      idle: 'inactive'
    })
    const by = Object.fromEntries(result.verdicts.map((v) => [v.person.login, v.lastActivity]))
    expect(by.labeller).toMatchObject({
      kind: 'labeled',
      source: 'repository-sweep',
      repo: 'acme/app',
      url: expect.stringMatching(/\/acme\/app\/issues\/\d+$/)
    })
    expect(by.maintainer).toMatchObject({ kind: 'merged', source: 'repository-sweep' })
    expect(by.brancher).toMatchObject({
      kind: 'push',
      source: 'repository-sweep',
      url: 'https://github.com/acme/app/activity'
    })
    // Each repository's activity is read once, for everyone still left.
    expect(github.requests.filter((r) => r.path === '/repos/acme/app/activity')).toHaveLength(1)
  })

  test('a label applied 200 days ago outside the orgs is invisible to every API: inactive (a documented gap)', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'faraway').did('faraway', 'label', 200, { repo: 'elsewhere/lib' })
    const { result } = await auditWorld(b.world, rosterFor('acme'))
    expect(statuses(result)).toEqual({ faraway: 'inactive' })
  })

  test('the sweep is skipped when the GraphQL pass settled everyone', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'a').did('a', 'issue', 3, { repo: 'acme/app' })
    const { github } = await auditWorld(b.world, rosterFor('acme'))
    expect(github.requests.map((r) => r.path)).not.toContain('/orgs/acme/repos')
  })

  test('repositories not pushed to in the window cost no activity read', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'idle').did('idle', 'push', 400, { repo: 'acme/old' })
    b.member('acme', 'recent').did('recent', 'push', 60, { repo: 'acme/new' })
    const { result, github } = await auditWorld(b.world, rosterFor('acme'))
    expect(statuses(result)).toEqual({ idle: 'inactive', recent: 'active' })
    expect(github.requests.filter((r) => r.path.endsWith('/activity')).map((r) => r.path)).toEqual([
      '/repos/acme/new/activity'
    ])
  })

  test('a busy issue whose older page cannot be read makes unknown only who could act on it: triage there, or its author', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'early').did('early', 'label', 300, { repo: 'acme/app', item: 7 })
    b.member('acme', 'bot-like')
    for (let i = 0; i < 60; i++) b.did('bot-like', 'label', 100 - i, { repo: 'acme/app', item: 7 })
    b.member('acme', 'idle')
    b.world.repos.push({ fullName: 'acme/app', private: false, roles: { early: 'triage', 'bot-like': 'triage' } })
    const fault = (r: { path: string; body?: { query?: string } }) =>
      r.path === '/graphql' && r.body?.query?.includes('BusyTimelines') ? { status: 502, body: {} } : undefined
    const { result } = await auditWorld(b.world, rosterFor('acme'), { fault })
    expect(statuses(result)).toEqual({ early: 'unknown', 'bot-like': 'active', idle: 'inactive' })
    expect(result.verdicts.find((v) => v.person.login === 'early')!.errors.join(' ')).toMatch(
      /could not read 1 part of the repositories where they could have acted: https:\/\/github.com\/acme\/app\/issues\/7/
    )
  })

  test('a repository that cannot be read leaves the people still left unknown', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'idle')
    b.member('acme', 'pusher').did('pusher', 'push', 200, { repo: 'acme/app' })
    const fault = (r: { path: string }) =>
      r.path === '/repos/acme/app/activity' ? { status: 500, body: { message: 'Server Error' } } : undefined
    const { result } = await auditWorld(b.world, rosterFor('acme'), { fault })
    expect(statuses(result)).toEqual({ idle: 'unknown', pusher: 'unknown' })
    expect(result.verdicts[0]!.errors.join(' ')).toMatch(
      /repository-sweep: could not read 1 part of the repositories where they could have acted: acme\/app \(500 Server Error\)/
    )
  })

  test('private repositories are not read unless private activity counts', async () => {
    const b = new WorldBuilder(NOW)
    b.token('test-token', { orgs: 'all', seesPrivate: true })
    b.member('acme', 'insider').did('insider', 'merge', 100, { repo: 'acme/secret', private: true })
    const plain = await auditWorld(b.world, rosterFor('acme'))
    expect(statuses(plain.result)).toEqual({ insider: 'inactive' })
    expect(
      plain.github.requests.some(
        (r) => r.path.includes('acme/secret') || JSON.stringify(r.body ?? '').includes('secret')
      )
    ).toBe(false)
    const counting = await auditWorld(b.world, `${rosterFor('acme')}count-private-activity: true\n`)
    expect(statuses(counting.result)).toEqual({ insider: 'active' })
  })
})
