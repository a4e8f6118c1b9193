/**
 * Verdicts against the world model: each person's truth is set up in the fake GitHub, the real
 * client and audit run against it over HTTP, and the status must follow the policy.
 */
import { auditWorld, rosterFor, statuses } from './helpers.js'
import { WorldBuilder } from '../fake-github/world.js'

const NOW = new Date('2026-11-24T12:00:00Z')

describe('365-day verdicts from the first sources', () => {
  test('last activity 29, 31, 200, 364 and 366 days ago', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'd29').did('d29', 'issue_comment', 29)
    b.member('acme', 'd31').did('d31', 'pull_request', 31)
    b.member('acme', 'd200').did('d200', 'issue', 200)
    b.member('acme', 'd364').did('d364', 'review', 364)
    b.member('acme', 'd366').did('d366', 'issue', 366)
    const { result } = await auditWorld(b.world, rosterFor('acme'))
    expect(statuses(result)).toEqual({
      d29: 'active',
      d31: 'active',
      d200: 'active',
      d364: 'approaching',
      d366: 'inactive'
    })
    const d364 = result.verdicts.find((v) => v.person.login === 'd364')!
    expect(d364.lastActivity).toMatchObject({ kind: 'review', source: 'contributions' })
  })

  test('each kind of evidence the GraphQL pass sees, alone, makes a person active', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'commenter').did('commenter', 'issue_comment', 200)
    b.member('acme', 'reviewer').did('reviewer', 'review', 250)
    b.member('acme', 'starrer').did('starrer', 'star', 150, { repo: 'someone/else' })
    b.member('acme', 'committer').did('committer', 'commit', 180)
    b.member('acme', 'creator').did('creator', 'repository', 120, { repo: 'creator/new' })
    const { result } = await auditWorld(b.world, rosterFor('acme'))
    expect(statuses(result)).toEqual({
      commenter: 'active',
      reviewer: 'active',
      starrer: 'active',
      committer: 'active',
      creator: 'active'
    })
    const byLogin = Object.fromEntries(result.verdicts.map((v) => [v.person.login, v.lastActivity]))
    expect(byLogin.commenter).toMatchObject({ kind: 'issue_comment', source: 'issue-comments' })
    expect(byLogin.starrer).toMatchObject({ kind: 'star', source: 'stars', repo: 'someone/else' })
    expect(byLogin.committer).toMatchObject({ kind: 'commit', source: 'contributions' })
  })

  test('activity outside the orgs that only the events API shows (labels, merges, pushes) counts within its 30 days', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'labeller').did('labeller', 'label', 12, { repo: 'elsewhere/lib' })
    b.member('acme', 'merger').did('merger', 'merge', 20, { repo: 'elsewhere/lib' })
    b.member('acme', 'pusher').did('pusher', 'push', 5, { repo: 'elsewhere/lib', defaultBranch: false })
    const { result, github } = await auditWorld(b.world, rosterFor('acme'))
    expect(statuses(result)).toEqual({ labeller: 'active', merger: 'active', pusher: 'active' })
    expect(result.verdicts.every((v) => v.lastActivity?.source === 'events')).toBe(true)
    expect(github.requests.filter((r) => r.path.endsWith('/events/public'))).toHaveLength(3)
  })

  test('300+ events in the last week and nothing else: active', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'busy')
    for (let i = 0; i < 320; i++) b.did('busy', 'push', (i % 7) + 0.01, { defaultBranch: false })
    const { result } = await auditWorld(b.world, rosterFor('acme'))
    expect(statuses(result)).toEqual({ busy: 'active' })
  })

  test('a comment written 400 days ago and edited 10 days ago is not new activity', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'editor').did('editor', 'issue_comment', 400, {
      editedAt: new Date(NOW.getTime() - 10 * 86400000)
    })
    const { result } = await auditWorld(b.world, rosterFor('acme'))
    expect(statuses(result)).toEqual({ editor: 'inactive' })
  })

  test('never active, and activity only in private repositories, are inactive', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'never')
    b.member('acme', 'secretive')
      .did('secretive', 'commit', 10, { private: true })
      .did('secretive', 'issue_comment', 20, { private: true })
    const { result } = await auditWorld(b.world, rosterFor('acme'))
    expect(statuses(result)).toEqual({ never: 'inactive', secretive: 'inactive' })
  })

  test('private activity counts only when the roster says so (and the token can see it)', async () => {
    const b = new WorldBuilder(NOW)
    b.token('test-token', { orgs: 'all', seesPrivate: true })
    b.member('acme', 'secretive').did('secretive', 'pull_request', 100, { private: true, repo: 'acme/internal' })
    const plain = await auditWorld(b.world, rosterFor('acme'))
    expect(statuses(plain.result)).toEqual({ secretive: 'inactive' })
    const counting = await auditWorld(b.world, `${rosterFor('acme')}count-private-activity: true\n`)
    expect(statuses(counting.result)).toEqual({ secretive: 'active' })
  })

  test('activity-scope: orgs counts only activity in the roster organizations', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'outsider').did('outsider', 'pull_request', 50, { repo: 'elsewhere/lib' })
    b.member('acme', 'insider').did('insider', 'pull_request', 50, { repo: 'acme/lib' })
    const anywhere = await auditWorld(b.world, rosterFor('acme'))
    expect(statuses(anywhere.result)).toEqual({ outsider: 'active', insider: 'active' })
    const scoped = await auditWorld(b.world, `${rosterFor('acme')}activity-scope: orgs\n`)
    expect(statuses(scoped.result)).toEqual({ outsider: 'inactive', insider: 'active' })
  })

  test('bots are skipped unless include.bots; then only their 30 days of events can show activity', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'human').did('human', 'issue', 10)
    b.member('acme', 'helper[bot]', { type: 'Bot' })
    b.member('acme', 'busy[bot]', { type: 'Bot' }).did('busy[bot]', 'pull_request', 3)
    const { result, github } = await auditWorld(b.world, rosterFor('acme'))
    expect(statuses(result)).toEqual({ human: 'active' })
    expect(result.skippedBots.map((p) => p.login)).toEqual(['busy[bot]', 'helper[bot]'])
    expect(
      github.requests.some((r) => r.path.includes('[bot]') || JSON.stringify(r.body ?? {}).includes('[bot]'))
    ).toBe(false)

    const withBots = await auditWorld(b.world, `${rosterFor('acme')}include:\n  bots: true\n`)
    // GraphQL has no User for a bot, and events go back 30 days only: a quiet bot is unknown, not inactive.
    expect(statuses(withBots.result)).toEqual({ human: 'active', 'helper[bot]': 'unknown', 'busy[bot]': 'active' })
  })

  test('a member of five orgs is one person, checked once', async () => {
    const b = new WorldBuilder(NOW)
    const orgs = ['o1', 'o2', 'o3', 'o4', 'o5']
    for (const org of orgs) b.member(org, 'everywhere', { role: org === 'o3' ? 'admin' : 'member' })
    b.member('o1', 'quiet')
    const { result, github } = await auditWorld(b.world, rosterFor(...orgs))
    expect(result.verdicts).toHaveLength(2)
    const person = result.verdicts.find((v) => v.person.login === 'everywhere')!
    expect(person.person.memberships.map((m) => `${m.org}:${m.role}`)).toEqual([
      'o1:member',
      'o2:member',
      'o3:admin',
      'o4:member',
      'o5:member'
    ])
    const eventsReads = github.requests.filter((r) => r.path === '/users/everywhere/events/public')
    expect(eventsReads).toHaveLength(1)
    const graphqlLogins = github.requests
      .filter((r) => r.path === '/graphql')
      .flatMap((r) => Object.values(r.body?.variables ?? {}))
    expect(graphqlLogins.filter((l) => l === 'everywhere')).toHaveLength(1)
  })

  test('a deleted account is unknown, and costs only that person in a shared GraphQL batch', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'gone-user')
    b.member('acme', 'neighbour').did('neighbour', 'issue', 100)
    b.world.users.find((u) => u.login === 'gone-user')!.gone = true
    const { result, github } = await auditWorld(b.world, rosterFor('acme'))
    expect(statuses(result)).toEqual({ 'gone-user': 'unknown', neighbour: 'active' })
    expect(result.verdicts.find((v) => v.person.login === 'gone-user')!.errors.join(' ')).toMatch(/account not found/)
    expect(
      github.requests.filter((r) => r.path === '/graphql' && String(r.body?.query).startsWith('query UserActivity'))
    ).toHaveLength(1)
  })

  test('one source failing for one person makes them unknown, never inactive', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'unlucky')
    b.member('acme', 'lucky')
    const fault = (r: { path: string }) =>
      r.path === '/users/unlucky/events/public' ? { status: 502, body: { message: 'Server Error' } } : undefined
    const { result, github } = await auditWorld(b.world, rosterFor('acme'), { fault })
    expect(statuses(result)).toEqual({ unlucky: 'unknown', lucky: 'inactive' })
    expect(result.verdicts.find((v) => v.person.login === 'unlucky')!.errors.join(' ')).toMatch(
      /events request failed: 502/
    )
    // The retry plugin tried again before giving up (1 + 3 retries), and the cascade asked once more at its end.
    expect(github.requests.filter((r) => r.path === '/users/unlucky/events/public')).toHaveLength(8)
  })

  test('an outage longer than the retries: the people it hit are asked again after a pause, by the failed source only', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'ada').did('ada', 'label', 3, { repo: 'elsewhere/lib' })
    b.member('acme', 'bob').did('bob', 'issue_comment', 100)
    b.member('acme', 'cyd')
    // GitHub answers 503 to every events request for a while: all four tries of the first round fail.
    let eventsAsked = 0
    const fault = (r: { path: string }) =>
      r.path.endsWith('/events/public') && ++eventsAsked <= 8
        ? { status: 503, body: { message: 'Service Unavailable' } }
        : undefined
    const asked: [string, number][] = []
    const { result, github, log } = await auditWorld(b.world, rosterFor('acme'), {
      fault,
      observeSources: (source, n) => asked.push([source, n])
    })
    expect(statuses(result)).toEqual({ ada: 'active', bob: 'active', cyd: 'inactive' })
    // bob was settled by GraphQL; ada and cyd went on to events, failed, and only events asked again.
    expect(asked.slice(3)).toEqual([['events', 2]])
    expect(log.lines.join('\n')).toMatch(/asking them again in 0 s \(events for 2\)/)
    expect(github.requests.filter((r) => r.path === '/users/bob/events/public')).toEqual([])
  })

  test('failures that asking again cannot change are not asked again, and a spent quota stops a second round', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'gone')
    b.member('acme', 'flaky')
    b.token('nearly-spent', { orgs: 'all', limit: 8 })
    const fault = (r: { path: string }) =>
      r.path === '/users/gone/events/public'
        ? { status: 404, body: { message: 'Not Found' } }
        : r.path === '/users/flaky/events/public'
          ? { status: 502, body: { message: 'Server Error' } }
          : undefined
    const plenty = await auditWorld(b.world, rosterFor('acme'), { fault })
    expect(statuses(plenty.result)).toEqual({ gone: 'unknown', flaky: 'unknown' })
    expect(plenty.github.requests.filter((r) => r.path === '/users/gone/events/public')).toHaveLength(1)
    expect(plenty.github.requests.filter((r) => r.path === '/users/flaky/events/public')).toHaveLength(8)

    const spent = await auditWorld(b.world, rosterFor('acme'), { fault, token: 'nearly-spent' })
    expect(statuses(spent.result)).toEqual({ gone: 'unknown', flaky: 'unknown' })
    expect(spent.github.requests.filter((r) => r.path === '/users/flaky/events/public')).toHaveLength(4)
    expect(spent.log.lines.join('\n')).toMatch(
      /Not asking again about the people who could not be checked: that needs about 12 REST requests and \d are left/
    )
    // 12: ten to spare and two for flaky's events; gone's 404 is not asked again.
  })

  test('a transient 502 is retried and gives the same verdict as a clean run', async () => {
    const b = new WorldBuilder(NOW)
    // A label outside the orgs: only the events API shows it, so the events request must succeed.
    b.member('acme', 'steady').did('steady', 'label', 3, { repo: 'elsewhere/lib' })
    let failures = 0
    const fault = (r: { path: string }) =>
      r.path === '/users/steady/events/public' && failures++ < 1
        ? { status: 502, body: { message: 'Server Error' } }
        : undefined
    const { result, github } = await auditWorld(b.world, rosterFor('acme'), { fault })
    expect(statuses(result)).toEqual({ steady: 'active' })
    // It was the retry that found the label: the 502 was answered, then the same request again.
    const asked = github.requests.filter((r) => r.path === '/users/steady/events/public')
    expect(asked.map((r) => r.status)).toEqual([502, 200])
    expect(result.verdicts[0]!.lastActivity).toMatchObject({ source: 'events', kind: 'issues:labeled' })
    expect(result.verdicts[0]!.errors).toEqual([])
  })

  test('a person in a 180-day org and a 365-day org is held to 180 days', async () => {
    const b = new WorldBuilder(NOW)
    b.member('strict', 'both').member('lenient', 'both').did('both', 'issue', 200, { repo: 'lenient/x' })
    const { result } = await auditWorld(
      b.world,
      'version: 1\norgs:\n  - name: strict\n    inactive-after-days: 180\n  - lenient\n'
    )
    const v = result.verdicts[0]!
    expect(v.status).toBe('inactive')
    expect(v.window.days).toBe(180)
    expect(v.lastActivity).toMatchObject({ kind: 'issue' })
  })

  test('a GraphQL batch holds at most 50 people; 105 people take 3 queries', async () => {
    const b = new WorldBuilder(NOW)
    for (let i = 0; i < 105; i++) b.member('acme', `p${i}`).did(`p${i}`, 'issue', 10)
    const { result, github } = await auditWorld(b.world, rosterFor('acme'))
    expect(result.verdicts.every((v) => v.status === 'active')).toBe(true)
    expect(github.requests.filter((r) => r.path === '/graphql')).toHaveLength(3)
    expect(github.requests.filter((r) => r.path.endsWith('/events/public') || r.path.endsWith('/repos'))).toHaveLength(
      0
    )
  })

  test('what contributions leave out is still found: pull requests and issues in forks, forks, gists, discussions, commit comments', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'fork-pr').did('fork-pr', 'pull_request', 100, { repo: 'someone/fork-of-lib', fork: true })
    b.member('acme', 'fork-issue').did('fork-issue', 'issue', 120, { repo: 'someone/fork-of-lib', fork: true })
    b.member('acme', 'forker').did('forker', 'fork', 90, { repo: 'forker/lib' })
    b.member('acme', 'gister').did('gister', 'gist', 200, { repo: 'gist' })
    b.member('acme', 'discusser').did('discusser', 'discussion', 150, { repo: 'elsewhere/forum' })
    b.member('acme', 'replier')
      .did('replier', 'discussion_comment', 250, { repo: 'elsewhere/forum' })
      .did('replier', 'discussion_comment', 500, { repo: 'elsewhere/forum' })
    b.member('acme', 'commit-commenter').did('commit-commenter', 'commit_comment', 60, { repo: 'elsewhere/lib' })
    const { result } = await auditWorld(b.world, rosterFor('acme'))
    expect(Object.values(statuses(result))).toEqual(Array(7).fill('active'))
    const by = Object.fromEntries(result.verdicts.map((v) => [v.person.login, v.lastActivity?.source]))
    expect(by).toEqual({
      'fork-pr': 'pull-requests',
      'fork-issue': 'issues',
      forker: 'repositories',
      gister: 'gists',
      discusser: 'discussions',
      replier: 'discussion-comments',
      'commit-commenter': 'commit-comments'
    })
  })

  test('a batch GitHub finds too heavy is split, and one heavy account alone is asked over quarters', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'heavy').did('heavy', 'pull_request', 200)
    for (let i = 0; i < 5; i++) b.member('acme', `light${i}`).did(`light${i}`, 'issue', 20)
    const fault = (r: { path: string; body?: { query?: string; variables?: Record<string, unknown> } }) => {
      const vars = r.body?.variables ?? {}
      const asksHeavy = Object.values(vars).includes('heavy')
      if (r.path === '/graphql' && asksHeavy && !('from1' in vars)) {
        return {
          status: 200,
          body: {
            data: null,
            errors: [{ type: 'RESOURCE_LIMITS_EXCEEDED', message: 'Resource limits for this query exceeded.' }]
          }
        }
      }
      return undefined
    }
    const { result, github } = await auditWorld(b.world, rosterFor('acme'), { fault })
    expect(Object.values(statuses(result))).toEqual(Array(6).fill('active'))
    expect(result.verdicts.find((v) => v.person.login === 'heavy')!.lastActivity).toMatchObject({
      kind: 'pull_request'
    })
    const batches = github.requests
      .filter((r) => r.path === '/graphql')
      .map((r) => Object.keys(r.body?.variables ?? {}).filter((k) => /^l\d+$/.test(k)).length)
    // 6 people, then 3 + 3, then the heavy one's half split again to 1 + 1 (+1), then heavy alone over quarters.
    expect(batches[0]).toBe(6)
    expect(github.requests.some((r) => r.path === '/graphql' && 'from3' in (r.body?.variables ?? {}))).toBe(true)
  })

  test('a query that timed out by chance halves the batches only for a while: three good queries in a row double them back', async () => {
    const b = new WorldBuilder(NOW)
    for (let i = 0; i < 150; i++)
      b.member('acme', `p${String(i).padStart(3, '0')}`).did(`p${String(i).padStart(3, '0')}`, 'issue', 20)
    let userQueries = 0
    const fault = (r: { path: string; body?: { variables?: Record<string, unknown> } }) =>
      r.path === '/graphql' && 'l0' in (r.body?.variables ?? {}) && ++userQueries <= 2
        ? {
            status: 502,
            body: {
              message:
                "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists."
            }
          }
        : undefined
    const { result, github } = await auditWorld(b.world, rosterFor('acme'), { fault })
    expect(new Set(Object.values(statuses(result)))).toEqual(new Set(['active']))
    const batches = github.requests
      .filter((r) => r.path === '/graphql' && 'l0' in (r.body?.variables ?? {}))
      .map((r) => Object.keys(r.body!.variables!).filter((k) => /^l\d+$/.test(k)).length)
    // 50 fails twice (its try and its one retry), is asked as 25 + 25; the next is 25; then 50 again.
    expect(batches).toEqual([50, 50, 25, 25, 25, 50, 25])
  })

  test('a dropped connection and a body cut short are asked again; an answer that never parses makes the person unknown, never inactive', async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'garbled').did('garbled', 'label', 3, { repo: 'elsewhere/lib' })
    b.member('acme', 'dropped').did('dropped', 'label', 4, { repo: 'elsewhere/lib' })
    b.member('acme', 'always-broken').did('always-broken', 'label', 5, { repo: 'elsewhere/lib' })
    const seen = new Map<string, number>()
    let garbledGraphql = 0
    const fault = (r: { path: string; body?: { query?: string } }) => {
      const n = (seen.get(r.path) ?? 0) + 1
      seen.set(r.path, n)
      // The first GraphQL query's answer is cut short too: a query is a read, so it is asked again.
      if (r.path === '/graphql' && n === 1) return (garbledGraphql++, { status: 200, body: '{"data": {"u0": ' })
      if (r.path === '/users/garbled/events/public' && n === 1)
        return { status: 200, body: '[{"type": "IssuesEvent", "created_at": ' }
      if (r.path === '/users/dropped/events/public' && n === 1) return { status: 0, reset: true }
      if (r.path === '/users/always-broken/events/public') return { status: 200, body: '<html>upstream error</html>' }
      return undefined
    }
    const { result, github } = await auditWorld(b.world, rosterFor('acme'), { fault })
    expect(garbledGraphql).toBe(1)
    expect(statuses(result)).toEqual({ garbled: 'active', dropped: 'active', 'always-broken': 'unknown' })
    // Three tries, then three more when the cascade asks again at its end.
    expect(github.requests.filter((r) => r.path === '/users/always-broken/events/public')).toHaveLength(6)
    expect(result.verdicts.find((v) => v.person.login === 'always-broken')!.errors.join(' ')).toMatch(
      /^events: events request failed: 502 GitHub's answer to GET \/users\/always-broken\/events\/public was not valid JSON \(3 tries\)/
    )
  })

  test("GraphQL's own rate limit spent (RATE_LIMITED, reset an hour away): people are unknown unless REST sources find them", async () => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'labeller').did('labeller', 'label', 100, { repo: 'acme/app' })
    b.member('acme', 'commenter').did('commenter', 'issue_comment', 100, { repo: 'acme/app' })
    const reset = String(Math.floor(Date.now() / 1000) + 3600)
    const fault = (r: { path: string; body?: { query?: string } }) =>
      r.path === '/graphql' && String(r.body?.query).startsWith('query UserActivity')
        ? {
            status: 200,
            headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset, 'x-ratelimit-resource': 'graphql' },
            body: { errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] }
          }
        : undefined
    const { result } = await auditWorld(b.world, rosterFor('acme'), { fault })
    // The sweep (REST and its own queries) still sees the label; the comment is only visible to the user query.
    expect(statuses(result)).toEqual({ labeller: 'active', commenter: 'unknown' })
  })
})
