/**
 * Real organizations' traffic (issue #11): bots pushing thousands of times, items relabelled
 * hundreds of times, connections with no documented order. Nobody may turn unknown or inactive
 * because of traffic that buries their one act.
 */
import { auditWorld, rosterFor, statuses } from './helpers.js'
import { WorldBuilder } from '../fake-github/world.js'
import { generateTrafficWorld } from '../fake-github/traffic-world.js'
import { estimateCost } from '../src/activity/cost.js'
import { relabelled, twoRepositories } from './traffic-helpers.js'

const NOW = new Date('2026-11-24T12:00:00Z')

describe('busy timelines and bot traffic', () => {
  test('a busy pull request with a member’s only act on its oldest page: read to the end, active with that act', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'early').did('early', 'label', 300, { repo: 'acme/app', item: 7, onPullRequest: true })
    b.member('acme', 'idle')
    relabelled(b, 'acme/app', 7)
    for (let i = 0; i < 40; i++)
      b.did('github-actions[bot]', 'force_push', 100 - i, { repo: 'acme/app', item: 7, onPullRequest: true })
    const { result } = await auditWorld(b.world, rosterFor('acme'))
    expect(statuses(result)).toEqual({ early: 'active', idle: 'inactive' })
    expect(result.verdicts.find((v) => v.person.login === 'early')!.lastActivity).toMatchObject({
      kind: 'labeled',
      source: 'repository-sweep',
      url: 'https://github.com/acme/app/pull/7'
    })
  })

  test('a repository whose pushes cannot be read makes unknown only the people who can push there', async () => {
    const b = new WorldBuilder(NOW)
    twoRepositories(b)
    const fault = (r: { path: string }) =>
      r.path === '/repos/acme/app/activity' ? { status: 500, body: { message: 'Server Error' } } : undefined
    const { result } = await auditWorld(b.world, rosterFor('acme'), { fault })
    expect(statuses(result)).toEqual({ writer: 'unknown', reader: 'inactive', other: 'active' })
    expect(result.verdicts.find((v) => v.person.login === 'writer')!.errors.join(' ')).toMatch(/acme\/app/)
  })

  test("when the repository's roles cannot be read either, its failure concerns everyone left: unknown, never inactive", async () => {
    const b = new WorldBuilder(NOW)
    twoRepositories(b)
    // The collaborators list needs write access there (docs: list repository collaborators).
    const fault = (r: { path: string }) =>
      r.path === '/repos/acme/app/activity'
        ? { status: 500, body: { message: 'Server Error' } }
        : r.path === '/repos/acme/app/collaborators'
          ? { status: 403, body: { message: 'Must have push access to view repository collaborators.' } }
          : undefined
    const { result, github } = await auditWorld(b.world, rosterFor('acme'), { fault })
    expect(github.requests.some((r) => r.path === '/repos/acme/app/collaborators' && r.status === 403)).toBe(true)
    expect(statuses(result)).toEqual({ writer: 'unknown', reader: 'unknown', other: 'active' })
  })
})

describe('connections with no documented order', () => {
  test.each(['oldest-first', 'newest-first'] as const)(
    'discussion and commit comments served %s: the recent one is found',
    async (order) => {
      const b = new WorldBuilder(NOW)
      b.world.unorderedConnections = order
      b.member('acme', 'discusser').did('discusser', 'discussion_comment', 200, { repo: 'acme/app' })
      b.member('acme', 'reviewer').did('reviewer', 'commit_comment', 150, { repo: 'acme/app' })
      for (let i = 0; i < 6; i++) {
        b.did('discusser', 'discussion_comment', 500 + i, { repo: 'acme/app' })
        b.did('reviewer', 'commit_comment', 500 + i, { repo: 'acme/app' })
      }
      const { result } = await auditWorld(b.world, rosterFor('acme'))
      expect(statuses(result)).toEqual({ discusser: 'active', reviewer: 'active' })
      expect(result.verdicts.find((v) => v.person.login === 'discusser')!.lastActivity).toMatchObject({
        kind: 'discussion_comment'
      })
    }
  )
})

describe('a world shaped like a real one', () => {
  test('bots, busy items, buried acts: every verdict right, every buried member active by the buried act, cost within the bound', async () => {
    const { world, truth, orgs, buried, repositories, pushPages } = generateTrafficWorld(3, NOW, {
      people: 80,
      orgs: 2,
      reposPerOrg: 5
    })
    const { result, github } = await auditWorld(world, rosterFor(...orgs))
    const wrong = result.verdicts.filter((v) => {
      const expected = truth.get(v.person.login)
      return v.status === 'unknown' || (v.status === 'inactive') !== (expected === 'inactive')
    })
    expect(wrong.map((v) => `${v.person.login}: ${v.status} (${v.errors.join('; ')})`)).toEqual([])
    for (const [login, act] of buried) {
      const verdict = result.verdicts.find((v) => v.person.login === login)!
      expect({ login, at: verdict.lastActivity }).toMatchObject({
        login,
        at: { repo: act.repo, source: 'repository-sweep' }
      })
    }
    const inactive = [...truth.values()].filter((t) => t === 'inactive').length
    const bound = result.verdicts.length / 20 + 1.1 * inactive + 2 * repositories + pushPages + 30
    expect(github.requests.length).toBeLessThanOrEqual(bound)
    // No repository's pushes are paged twice.
    const pages = github.requests
      .filter((r) => r.path.endsWith('/activity') && !r.query.actor)
      .map((r) => `${r.path}?page=${r.query.page ?? 1}`)
    expect(new Set(pages).size).toBe(pages.length)
    // Nor any page of a repository's collaborators (its roles).
    const roles = github.requests
      .filter((r) => r.path.endsWith('/collaborators'))
      .map((r) => `${r.path}?page=${r.query.page ?? 1}`)
    expect(roles.length).toBeGreaterThan(0)
    expect(new Set(roles).size).toBe(roles.length)
  })
})

describe('the estimate at the start', () => {
  test('sees the repositories once they are listed: a quota that pays for the people but not their traffic is warned about', async () => {
    const { world, orgs } = generateTrafficWorld(3, NOW, { people: 80, orgs: 2, reposPerOrg: 5 })
    const bots = new Set(world.users.filter((u) => u.type === 'Bot').map((u) => u.login))
    const people = new Set(world.orgs.flatMap((o) => o.members.map((m) => m.login)).filter((l) => !bots.has(l))).size
    expect(people).toBeGreaterThan(50)
    // Enough for the people-only estimate, and nothing more.
    const restRemaining = estimateCost(people).rest + 1
    const { result, log } = await auditWorld(world, rosterFor(...orgs), { restRemaining })
    expect(result.verdicts).toHaveLength(people)
    const said = log.lines.join('\n')
    const traffic =
      /Repositories: (\d+) repositories, (\d+) pushed to in the window, (\d+) open issues and pull requests: the sweep costs about (\d+) more REST requests/.exec(
        said
      )
    expect(traffic).not.toBeNull()
    const [, repositories, pushed, open, more] = traffic!.map(Number)
    expect(repositories).toBe(10)
    expect(pushed).toBeGreaterThan(0)
    expect(open).toBeGreaterThan(0)
    expect(more).toBe(2 * pushed!)
    // The people-only estimate did not warn; the one that sees traffic did, and the summary says so.
    expect(said.indexOf('warning: This run needs about')).toBeGreaterThan(said.indexOf('Repositories:'))
    expect(result.budgetWarning).toMatch(
      new RegExp(`needs about ${estimateCost(people).rest + more!} REST requests and ${restRemaining} are left`)
    )
  })
})
