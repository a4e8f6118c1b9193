/**
 * The fake GitHub against GitHub's own descriptions (issue #20): every REST answer against the
 * OpenAPI description in @octokit/openapi, every GraphQL answer against the published schema.
 * Whole runs (the demo world through the action, a traffic world, apply mode from flag to
 * reinstatement) and one request for each route the fake lists must all pass; a wrong answer of
 * each sort must not.
 */
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { validate } from '@octokit/graphql-schema'
import { DEMO_REPOSITORY, DEMO_ROSTER, DEMO_TOKEN, demoWorld } from '../fake-github/demo-world.js'
import { OpenApiContract } from '../fake-github/openapi-contract.js'
import { acceptInvitation } from '../fake-github/org-writes.js'
import { runActionInProcess } from '../fake-github/run-action.js'
import { FAKE_MULTI_SEGMENT, FAKE_REST_ROUTES, GRAPHQL_ROUTE, fakeRouteOf } from '../fake-github/routes.js'
import { type FakeGitHubOptions, FakeGitHub, type ServedProblem } from '../fake-github/server.js'
import { generateTrafficWorld } from '../fake-github/traffic-world.js'
import { type World, WorldBuilder, findOrg } from '../fake-github/world.js'
import { adjustWorld, comment, roster, runOn, tick, trackingIssue } from './adjust-helpers.js'
import { auditWorld, rosterFor, testClient } from './helpers.js'

const NOW = new Date('2026-06-01T12:00:00Z')

/** Routes answered (by status) and problems found, over every fake a test started. */
const served = new Map<string, Set<number>>()
const unlisted: string[] = []
function collect(github: FakeGitHub): ServedProblem[] {
  for (const r of github.requests) {
    if (r.status === undefined || r.status === 0) continue
    if (r.route) (served.get(r.route) ?? served.set(r.route, new Set()).get(r.route)!).add(r.status)
    // A path the fake does not list may only be answered as GitHub answers an unknown path.
    else if (r.status !== 404) unlisted.push(`${r.method} ${r.path} → ${r.status}`)
  }
  return [...github.contractProblems.filter((p) => !p.injected), ...refusedDocuments(github)]
}

/** GraphQL documents GitHub's schema would refuse (the fake refuses them too, as GitHub does). */
function refusedDocuments(github: FakeGitHub): ServedProblem[] {
  return github.requests
    .filter((r) => r.route === GRAPHQL_ROUTE)
    .flatMap((r) =>
      validate(String(r.body?.query ?? '')).map((e) => ({
        route: GRAPHQL_ROUTE,
        status: r.status ?? 0,
        problem: `a document GitHub's schema refuses: ${e.message}`,
        request: `${r.method} ${r.path}`,
        injected: false
      }))
    )
}

async function withFake<T>(options: FakeGitHubOptions, body: (github: FakeGitHub) => Promise<T>): Promise<T> {
  const github = await FakeGitHub.start({ ...options, checkContract: true })
  try {
    return await body(github)
  } finally {
    await github.close()
  }
}

/** Routes only apply mode asks: its lock's Git data and the approvers' accounts. */
const APPLY_ROUTES: readonly string[] = FAKE_REST_ROUTES.filter(
  (r) => r.includes('/git/') || r === 'GET /users/{username}'
)

const problemLines = (problems: ServedProblem[]): string[] => [
  ...new Set(problems.map((p) => `${p.request} → ${p.status}: ${p.problem}`))
]

describe('every answer the fake serves, as GitHub describes it', () => {
  test('the demo world, through the whole action, writing its tracking issue', async () => {
    const { world } = demoWorld(NOW)
    const problems = await withFake({ world }, async (github) => {
      const run = await runActionInProcess({
        dir: await mkdtemp(join(tmpdir(), 'ma-contract-')),
        apiUrl: github.url,
        roster: DEMO_ROSTER,
        inputs: { token: DEMO_TOKEN },
        env: { GITHUB_REPOSITORY: DEMO_REPOSITORY },
        now: NOW
      })
      expect(run.code).toBe(0)
      return collect(github)
    })
    expect(problemLines(problems)).toEqual([])
  })

  test('a traffic world: bots, busy timelines, the repository sweep and its roles', async () => {
    const { world, orgs } = generateTrafficWorld(5, NOW, { people: 40, orgs: 2, reposPerOrg: 4 })
    const { result, github } = await auditWorld(world, rosterFor(...orgs), { checkContract: true })
    expect(result.verdicts.length).toBeGreaterThan(30)
    expect(problemLines(collect(github))).toEqual([])
  })

  test('apply mode: flagged, contacted, approved, removed, reinstated, accepted', async () => {
    const text = roster('  membership: remove\n')
    const problems = await withFake({ world: adjustWorld() }, async (github) => {
      await runOn(github, 0, text)
      tick(github.world, 'alice')
      await runOn(github, 1, text)
      const issue = trackingIssue(github.world)
      await comment(github, 'carreau-token', issue.number, '/member-audit approve alice')
      expect((await runOn(github, 9, text)).code).toBe(0)
      await comment(github, 'carreau-token', issue.number, '/member-audit reinstate alice')
      await runOn(github, 10, text)
      acceptInvitation(github.world, 'acme', 'alice')
      expect((await runOn(github, 11, text)).code).toBe(0)
      // The apply lock's whole life (taken, renewed, read, released) and the approvers' accounts.
      const asked = new Set(github.requests.filter((r) => (r.status ?? 0) < 300).map((r) => r.route))
      expect(APPLY_ROUTES.filter((r) => !asked.has(r))).toEqual([])
      return collect(github)
    })
    expect(problemLines(problems)).toEqual([])
  })

  test('one request for each route the fake lists, through Octokit: each documented, each answer valid', async () => {
    const contract = OpenApiContract.load()
    const undocumented = FAKE_REST_ROUTES.filter((r) => !contract.routes().includes(r))
    expect(undocumented).toEqual([])

    const b = new WorldBuilder(NOW)
    b.member('acme', 'root', { role: 'admin' }).did('root', 'issue', 3, { repo: 'acme/app' })
    b.did('root', 'push', 2, { repo: 'acme/app' })
    b.member('acme', 'alice', { role: 'admin', public: false }).member('acme', 'bob')
    b.team('acme', 'core', [{ login: 'alice', role: 'maintainer' }, { login: 'root' }])
    b.invite('acme', { login: 'newbie', email: null, role: 'direct_member', inviter: 'root', daysAgo: 3 })
    b.invite('acme', {
      login: null,
      email: 'x@example.com',
      role: 'direct_member',
      inviter: 'root',
      daysAgo: 40,
      failedDaysAgo: 33
    })
    b.collaborator('acme', 'contractor', { app: 'push' })
    b.world.repos.push({ fullName: 'acme/app', private: false }, { fullName: 'acme/vault', private: true })
    findOrg(b.world, 'acme')!.members.find((m) => m.login === 'alice')!.repos = { vault: 'admin' }
    b.world.tokens['test-token'] = { orgs: 'all', ownerOf: 'all', seesPrivate: true, scopes: ['repo', 'admin:org'] }

    const problems = await withFake({ world: b.world }, async (github) => {
      const client = testClient(github.url)
      const at = { org: 'acme', owner: 'acme', repo: 'app', username: 'alice', team_slug: 'core' }
      const ask = async (route: string, params: Record<string, unknown> = {}) =>
        (await client.request(route, { ...at, ...params })) as { status: number; data: Record<string, unknown> }
      const later = (r: string) => r.includes('{issue_number}') || r.includes('/git/')
      for (const route of FAKE_REST_ROUTES.filter((r) => r.startsWith('GET ') && !later(r)))
        await ask(
          route,
          route.includes('/permission')
            ? { repo: 'vault' }
            : route.includes('/public_members/')
              ? { username: 'bob' }
              : {}
        )
      const issue = (await ask('POST /repos/{owner}/{repo}/issues', { title: 'T', body: 'B', labels: ['x'] })).data
      const n = { issue_number: issue.number }
      await ask('GET /repos/{owner}/{repo}/issues/{issue_number}', n)
      await ask('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...n, state: 'closed' })
      await ask('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', { ...n, labels: ['y'] })
      const made = (await ask('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...n, body: 'c' })).data
      await ask('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', n)
      await ask('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { comment_id: made.id, body: 'd' })
      const bob = { username: 'bob' }
      await ask('PUT /orgs/{org}/teams/{team_slug}/memberships/{username}', { ...bob, role: 'member' })
      await ask('DELETE /orgs/{org}/teams/{team_slug}/memberships/{username}', bob)
      await ask('PUT /repos/{owner}/{repo}/collaborators/{username}', { ...bob, permission: 'push' })
      await ask('DELETE /repos/{owner}/{repo}/collaborators/{username}', bob)
      await ask('PUT /orgs/{org}/memberships/{username}', { username: 'contractor', role: 'member' })
      await ask('PUT /orgs/{org}/memberships/{username}', { ...bob, role: 'admin' })
      await ask('DELETE /orgs/{org}/memberships/{username}', { username: 'contractor' })
      await ask('PUT /orgs/{org}/outside_collaborators/{username}', bob)
      await gitRoundTrip(ask)
      const asked = new Set(github.requests.map((r) => r.route))
      expect(FAKE_REST_ROUTES.filter((r) => !asked.has(r))).toEqual([])
      expect(github.requests.filter((r) => (r.status ?? 0) >= 300).map((r) => `${r.method} ${r.path}`)).toEqual([])
      return collect(github)
    })
    expect(problemLines(problems)).toEqual([])
  })

  test('a parameter spans path segments only where GitHub marks it so: a Git reference, not a login', () => {
    const contract = OpenApiContract.load()
    for (const route of FAKE_REST_ROUTES)
      expect([route, FAKE_MULTI_SEGMENT[route] ?? []]).toEqual([route, contract.multiSegmentOf(route)])
    const lock = '/repos/acme/app/git/ref/member-audit/locks/9d51088c'
    expect(contract.routeOf('GET', lock)).toBe('GET /repos/{owner}/{repo}/git/ref/{ref}')
    expect(fakeRouteOf('GET', lock)).toBe('GET /repos/{owner}/{repo}/git/ref/{ref}')
    expect(contract.routeOf('DELETE', '/repos/acme/app/git/refs/heads/feature-a')).toBe(
      'DELETE /repos/{owner}/{repo}/git/refs/{ref}'
    )
    expect(fakeRouteOf('PATCH', '/repos/acme/app/git/refs/heads/feature-a')).toBe(
      'PATCH /repos/{owner}/{repo}/git/refs/{ref}'
    )
    // A literal still wins over a parameter, and a parameter GitHub does not mark takes one segment.
    expect(contract.routeOf('GET', '/users/alice/events/public')).toBe('GET /users/{username}/events/public')
    expect(contract.routeOf('GET', '/users/alice/bob')).toBeUndefined()
    expect(fakeRouteOf('GET', '/orgs/acme/memberships/alice/x')).toBeUndefined()
    expect(contract.routeOf('POST', '/repos/acme/app/git/refs/heads/x')).toBeUndefined()
  })

  test('all routes served were listed and documented, GraphQL too', () => {
    expect(unlisted).toEqual([])
    const rest = [...served.keys()].filter((r) => r !== GRAPHQL_ROUTE).sort()
    expect(rest).toEqual([...FAKE_REST_ROUTES].sort())
    expect(served.has(GRAPHQL_ROUTE)).toBe(true)
    const answers = [...served].map(([route, statuses]) => `${route} (${[...statuses].sort().join(', ')})`)
    console.log(`${rest.length} REST routes and GraphQL served, every answer valid:\n${answers.sort().join('\n')}`)
  })
})

/** Each Git data route once, as the apply lock uses them: tree, commit, reference, read, moved, deleted. */
async function gitRoundTrip(
  ask: (route: string, params?: Record<string, unknown>) => Promise<{ data: Record<string, unknown> }>
): Promise<void> {
  const blob = { path: 'member-audit-lock', mode: '100644', type: 'blob', content: 'lock\n' }
  const tree = (await ask('POST /repos/{owner}/{repo}/git/trees', { tree: [blob] })).data.sha
  const commit = async (parents: unknown[]) =>
    (await ask('POST /repos/{owner}/{repo}/git/commits', { message: 'm', tree, parents })).data.sha
  const first = await commit([])
  const ref = 'member-audit/locks/contract'
  await ask('POST /repos/{owner}/{repo}/git/refs', { ref: `refs/${ref}`, sha: first })
  await ask('GET /repos/{owner}/{repo}/git/ref/{ref}', { ref })
  await ask('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { commit_sha: first })
  await ask('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { ref, sha: await commit([first]), force: false })
  await ask('DELETE /repos/{owner}/{repo}/git/refs/{ref}', { ref })
}

describe('an answer GitHub would not send fails the check', () => {
  const world = (): World => {
    const b = new WorldBuilder(NOW)
    b.member('acme', 'root', { role: 'admin' }).member('acme', 'bob')
    return b.world
  }
  /** Asks one route with `alter` changing the fake's answer; what the check found. */
  async function problemsFor(
    method: string,
    path: string,
    change: FakeGitHubOptions['alter'],
    body?: unknown
  ): Promise<string[]> {
    return withFake({ world: world(), alter: change }, async (github) => {
      await fetch(`${github.url}${path}`, {
        method,
        headers: { authorization: 'token test-token', 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {})
      })
      return github.contractProblems.map(
        (p) => `${p.injected ? 'injected' : 'own'}: ${p.route} ${p.status}: ${p.problem}`
      )
    })
  }
  const members = '/orgs/acme/members'
  const change =
    (f: (body: Record<string, unknown>[]) => unknown, status = 200): FakeGitHubOptions['alter'] =>
    (_r, reply) => ({
      ...reply,
      status,
      body: f(reply.body as Record<string, unknown>[])
    })

  test('a route GitHub does not document', async () => {
    const problems = await withFake(
      { world: world(), fault: (r) => (r.path === '/orgs/acme/everyone' ? { status: 200, body: [] } : undefined) },
      async (github) => {
        await fetch(`${github.url}/orgs/acme/everyone`, { headers: { authorization: 'token test-token' } })
        return github.contractProblems.map((p) => `${p.route}: ${p.problem}`)
      }
    )
    expect(problems).toEqual(['GET /orgs/acme/everyone: no such route in GitHub’s REST description'])
  })

  test('a status not documented for the route', async () => {
    expect(
      await problemsFor(
        'GET',
        members,
        change((b) => b, 201)
      )
    ).toEqual([
      'injected: GET /orgs/{org}/members 201: status 201 is not documented for this route (documented: 200,422)'
    ])
    expect(
      await problemsFor(
        'GET',
        members,
        change(() => ({ message: 'Gone' }), 410)
      )
    ).toEqual([
      'injected: GET /orgs/{org}/members 410: status 410 is not documented for this route (documented: 200,422)'
    ])
  })

  test('a body missing a required field, or with a field of the wrong type', async () => {
    const noLogin = change((b) => b.map(({ login: _login, ...rest }) => rest))
    expect(await problemsFor('GET', members, noLogin)).toContain(
      `injected: GET /orgs/{org}/members 200: body/0 must have required property 'login' {"missingProperty":"login"}`
    )
    const idAsText = change((b) => b.map((u) => ({ ...u, id: String(u.id) })))
    expect(await problemsFor('GET', members, idAsText)).toContain(
      'injected: GET /orgs/{org}/members 200: body/0/id must be integer {"type":"integer"}'
    )
    const notAList = change((b) => b[0])
    expect(await problemsFor('GET', members, notAList)).toEqual([
      'injected: GET /orgs/{org}/members 200: body must be array {"type":"array"}'
    ])
  })

  test('error bodies: a 404 without `message`, a 422 without `documentation_url`, a body on a 204', async () => {
    expect(
      await problemsFor(
        'GET',
        '/orgs/acme/memberships/bob',
        change(() => ({}), 404)
      )
    ).toEqual(['injected: GET /orgs/{org}/memberships/{username} 404: an error body without `message`'])
    const bare422 = change(() => ({ message: 'Validation Failed' }), 422)
    expect(await problemsFor('GET', members, bare422)).toEqual([
      `injected: GET /orgs/{org}/members 422: body must have required property 'documentation_url' {"missingProperty":"documentation_url"}`
    ])
    const chatty204 = change(() => ({ ok: true }), 204)
    const problems = await problemsFor('DELETE', '/orgs/acme/memberships/bob', chatty204)
    expect(problems).toEqual([
      'injected: DELETE /orgs/{org}/memberships/{username} 204: a body where GitHub documents none'
    ])
  })

  test('GraphQL: a non-null field null, a field not asked for, an error whose path is not null, a wrong scalar', async () => {
    const viewer = { query: 'query Viewer { viewer { login } }' }
    const graphql = (f: (data: { viewer: Record<string, unknown> }) => Record<string, unknown>) =>
      problemsFor(
        'POST',
        '/graphql',
        (_r, reply) => ({ ...reply, body: f((reply.body as { data: { viewer: Record<string, unknown> } }).data) }),
        viewer
      )
    expect(await graphql(() => ({ data: { viewer: { login: null } } }))).toEqual([
      'injected: POST /graphql 200: data.viewer.login is null, but String! is non-null'
    ])
    expect(await graphql((d) => ({ data: { viewer: { ...d.viewer, email: 'x' } } }))).toEqual([
      'injected: POST /graphql 200: data.viewer.email was not asked for'
    ])
    expect(await graphql((d) => ({ data: d, errors: [{ message: 'gone', path: ['viewer'] }] }))).toEqual([
      'injected: POST /graphql 200: errors[0].path viewer is not null in data'
    ])
    expect(await graphql(() => ({ data: { viewer: { login: 7 } } }))).toEqual([
      'injected: POST /graphql 200: data.viewer.login is not a String: 7'
    ])
    expect(await graphql((d) => ({ data: d }))).toEqual([])
  })

  test('GraphQL: a document GitHub’s schema refuses', async () => {
    const problems = await withFake({ world: world() }, async (github) => {
      await fetch(`${github.url}/graphql`, {
        method: 'POST',
        headers: { authorization: 'token test-token', 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query { viewer { shoeSize } }' })
      })
      return collect(github).map((p) => p.problem)
    })
    expect(problems).toEqual(['a document GitHub\'s schema refuses: Cannot query field "shoeSize" on type "User".'])
  })
})
