/**
 * The fake GitHub itself behaves as GitHub documents, checked with plain HTTP requests, so that
 * tests passing against it mean something.
 */
import { FakeGitHub } from '../fake-github/server.js'
import { WorldBuilder } from '../fake-github/world.js'

const NOW = new Date()

async function get(github: FakeGitHub, path: string, token = 'test-token') {
  const res = await fetch(`${github.url}${path}`, { headers: { authorization: `token ${token}` } })
  return { status: res.status, headers: res.headers, body: (await res.json()) as unknown }
}

describe('fake GitHub', () => {
  let github: FakeGitHub
  beforeAll(async () => {
    const b = new WorldBuilder(NOW).member('acme', 'busy').member('acme', 'old')
    for (let i = 0; i < 350; i++) b.did('busy', 'push', i / 20)
    b.did('busy', 'issue', 40).did('old', 'issue_comment', 31)
    for (let i = 0; i < 40; i++) b.member('acme', `extra${i}`)
    b.token('tiny', { orgs: 'all', limit: 2 })
    github = await FakeGitHub.start({ world: b.world })
  })
  afterAll(async () => {
    await github.close()
  })

  test('per_page defaults to 30 and caps at 100, with Link next/last', async () => {
    const first = await get(github, '/orgs/acme/members')
    expect(first.body).toHaveLength(30)
    expect(first.headers.get('link')).toMatch(/page=2&per_page=30>; rel="next".*page=2&per_page=30>; rel="last"/)
    const capped = await get(github, '/orgs/acme/members?per_page=500')
    expect(capped.body).toHaveLength(42)
    expect(capped.headers.get('link')).toBeNull()
  })

  test('events: last 30 days only, at most 300, newest first; paging past 300 is a 422', async () => {
    const pages = [1, 2, 3].map((p) => get(github, `/users/busy/events/public?per_page=100&page=${p}`))
    const bodies = (await Promise.all(pages)).map((r) => r.body as { created_at: string }[])
    const events = bodies.flat()
    expect(events).toHaveLength(300)
    expect(events[0]!.created_at >= events[299]!.created_at).toBe(true)
    const beyond = await get(github, '/users/busy/events/public?per_page=100&page=4')
    expect(beyond.status).toBe(422)
    const old = await get(github, '/users/old/events/public')
    expect(old.body).toEqual([])
  })

  test('rate-limit headers on every answer, and a spent quota is a 403 with remaining 0', async () => {
    const a = await get(github, '/orgs/acme/members', 'tiny')
    expect(a.headers.get('x-ratelimit-remaining')).toBe('1')
    await get(github, '/orgs/acme/members', 'tiny')
    const spent = await get(github, '/orgs/acme/members', 'tiny')
    expect(spent.status).toBe(403)
    expect(spent.headers.get('x-ratelimit-remaining')).toBe('0')
    expect((spent.body as { message: string }).message).toMatch(/API rate limit exceeded/)
  })

  test("bad credentials are a 401 with GitHub's error body", async () => {
    const res = await get(github, '/orgs/acme/members', 'nope')
    expect(res.status).toBe(401)
    expect(res.body).toMatchObject({ message: 'Bad credentials', documentation_url: expect.any(String) })
  })

  test("GraphQL rejects a document GitHub's schema rejects, and answers NOT_FOUND per alias", async () => {
    const post = async (query: string, variables = {}) => {
      const res = await fetch(`${github.url}/graphql`, {
        method: 'POST',
        headers: { authorization: 'bearer test-token' },
        body: JSON.stringify({ query, variables })
      })
      return (await res.json()) as {
        data?: Record<string, unknown>
        errors?: { type?: string; message: string; path?: string[] }[]
      }
    }
    const invalid = await post('{ user(login: "busy") { lastSeenAt } }')
    expect(invalid.data).toBeUndefined()
    expect(invalid.errors![0]!.message).toMatch(/Cannot query field "lastSeenAt" on type "User"/)
    const partial = await post('{ a: user(login: "busy") { login } b: user(login: "ghost") { login } }')
    expect(partial.data).toEqual({ a: { login: 'busy' }, b: null })
    expect(partial.errors).toEqual([expect.objectContaining({ type: 'NOT_FOUND', path: ['b'] })])
    const noFirst = await post('{ user(login: "busy") { issueComments { totalCount } } }')
    expect(noFirst.errors![0]!.message).toMatch(/must provide a `first` or `last`/)
    const span =
      'query($from: DateTime!, $to: DateTime) { user(login: "busy") { contributionsCollection(from: $from, to: $to) { issueContributions(first: 1) { totalCount } } } }'
    const twoYears = await post(span, { from: '2020-01-01T00:00:00Z', to: '2022-01-01T00:00:00Z' })
    expect(twoYears.errors![0]!.message).toBe("The total time spanned by 'from' and 'to' must not exceed 1 year")
    const fromOnly = await post(span, { from: new Date(NOW.getTime() - 60 * 86400000).toISOString() })
    expect(fromOnly.errors).toBeUndefined()
    expect(fromOnly.data).toEqual({ user: { contributionsCollection: { issueContributions: { totalCount: 1 } } } })
  })
})
