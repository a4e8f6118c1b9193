/**
 * Answers GitHub gives only in part (#20): a GraphQL answer with data beside errors, a null node,
 * an unexpected 404. None of them may read as "no activity" or "no role": the people they could
 * concern are unknown, or right once asked again.
 */
import { auditWorld, rosterFor, statuses, testClient } from './helpers.js'
import { FakeGitHub } from '../fake-github/server.js'
import { WorldBuilder } from '../fake-github/world.js'
import type { Reply } from '../fake-github/answers.js'
import type { RecordedRequest } from '../fake-github/server.js'
import { busyPushes } from './traffic-helpers.js'

const NOW = new Date('2026-11-24T12:00:00Z')

type Json = Record<string, unknown>
const operation = (r: RecordedRequest): string => /query\s+(\w+)/.exec(String(r.body?.query ?? ''))?.[1] ?? ''

/**
 * Nulls the sweep's issue nodes whose address ends with `suffix`, with an error of `type` on each
 * node's path, as GitHub answers for an item it will not or cannot resolve; `times` answers at most.
 */
function hideIssue(suffix: string, type: string, times = Infinity) {
  let hidden = 0
  return (r: RecordedRequest, reply: Reply): Reply | undefined => {
    if (operation(r) !== 'RepositorySweep' || hidden >= times) return undefined
    const body = reply.body as { data?: Json | null; errors?: Json[] }
    const errors: Json[] = []
    for (const [alias, repo] of Object.entries(body.data ?? {})) {
      const nodes = ((repo as Json | null)?.issues as { nodes?: (Json | null)[] } | undefined)?.nodes ?? []
      nodes.forEach((node, k) => {
        if (!String(node?.url ?? '').endsWith(suffix)) return
        nodes[k] = null
        errors.push({ type, message: `${type}: could not resolve the issue`, path: [alias, 'issues', 'nodes', k] })
      })
    }
    if (errors.length === 0) return undefined
    hidden++
    return { ...reply, body: { ...body, errors: [...(body.errors ?? []), ...errors] } }
  }
}

describe('a GraphQL answer with data beside errors', () => {
  test.each(['NOT_FOUND', 'FORBIDDEN', 'INTERNAL'])(
    'an issue node nulled with a %s error: its only labeller and closer are unknown, never inactive',
    async (type) => {
      const b = new WorldBuilder(NOW)
      b.member('acme', 'labeller').did('labeller', 'label', 200, { repo: 'acme/app', item: 5 })
      b.member('acme', 'closer').did('closer', 'close', 150, { repo: 'acme/app', item: 5 })
      b.member('acme', 'active').did('active', 'issue', 3, { repo: 'acme/app' })
      b.world.repos.push({ fullName: 'acme/app', private: false })
      const { result } = await auditWorld(b.world, rosterFor('acme'), { alter: hideIssue('/issues/5', type) })
      expect(statuses(result)).toEqual({ labeller: 'unknown', closer: 'unknown', active: 'active' })
      const labeller = result.verdicts.find((v) => v.person.login === 'labeller')!
      expect(labeller.errors.join(' ')).toMatch(/acme\/app/)
    }
  )

  test('an INTERNAL error that passes: asked again, the verdicts are right', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'labeller').did('labeller', 'label', 200, { repo: 'acme/app', item: 5 })
    b.member('acme', 'idle')
    b.world.repos.push({ fullName: 'acme/app', private: false })
    const { result } = await auditWorld(b.world, rosterFor('acme'), { alter: hideIssue('/issues/5', 'INTERNAL', 1) })
    expect(statuses(result)).toEqual({ labeller: 'active', idle: 'inactive' })
  })
})

describe('an unexpected 404', () => {
  test("a 404 on one person's repository permission is not 'no role': their branch push is still found", async () => {
    const b = new WorldBuilder(NOW)
    // 400 members through the base permission make the collaborators list five pages: the people
    // left after the first page are asked one by one.
    for (let i = 0; i < 400; i++) b.member('acme', `m${i}`).did(`m${i}`, 'issue', 10, { repo: 'acme/lib' })
    b.member('acme', 'brancher').did('brancher', 'push', 200, { repo: 'acme/app', defaultBranch: false })
    b.member('acme', 'idle')
    busyPushes(b, 'acme/app')
    b.world.repos.push({ fullName: 'acme/app', private: false, roles: { brancher: 'write' } })
    const fault = (r: RecordedRequest) =>
      r.path === '/repos/acme/app/collaborators/brancher/permission'
        ? { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } }
        : undefined
    const { result, github } = await auditWorld(b.world, rosterFor('acme'), { fault })
    expect(github.requests.some((r) => r.path.endsWith('/brancher/permission') && r.status === 404)).toBe(true)
    expect(statuses(result)).toMatchObject({ brancher: 'active', idle: 'inactive' })
  }, 60_000)
})

describe('a status GitHub does not document for success', () => {
  test('events answered 204 No Content are no answer: the person whose only act they hold is unknown', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'recent').did('recent', 'push', 5, { repo: 'elsewhere/tool', defaultBranch: false })
    b.member('acme', 'idle')
    const fault = (r: RecordedRequest) =>
      r.path === '/users/recent/events/public' ? { status: 204, body: undefined } : undefined
    const { result } = await auditWorld(b.world, rosterFor('acme'), { fault })
    expect(statuses(result)).toEqual({ recent: 'unknown', idle: 'inactive' })
    expect(result.verdicts.find((v) => v.person.login === 'recent')!.errors.join(' ')).toMatch(/204/)
  })
})

test("a membership check's documented 204 is its answer; on a list route it is none", async () => {
  const b = new WorldBuilder(NOW)
  b.member('acme', 'kim')
  const github = await FakeGitHub.start({
    world: b.world,
    fault: (r) => (r.path === '/orgs/acme/members' ? { status: 204 } : undefined)
  })
  try {
    const client = testClient(github.url)
    const check = await client.request('GET /orgs/{org}/public_members/{username}', { org: 'acme', username: 'kim' })
    expect(check.status).toBe(204)
    await expect(client.request('GET /orgs/{org}/members', { org: 'acme' })).rejects.toThrow(/with 204, not 200/)
  } finally {
    await github.close()
  }
})
