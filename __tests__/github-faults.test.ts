/**
 * Faults as GitHub produces them (fake-github/github-faults.ts), seen by the real Octokit client:
 * each REST fault kind on every read route where GitHub sends it, with its status, headers and
 * documented body; GraphQL partial answers with the chosen place null, an error on its path, and
 * the rest of the data beside it. Every faulted answer must itself pass GitHub's descriptions.
 */
import { getOctokit } from '@actions/github'
import {
  FAKE_READ_ROUTES,
  GRAPHQL_ERROR_TYPES,
  GitHubFaults,
  REST_FAULT_KINDS,
  restFaultKinds
} from '../fake-github/github-faults.js'
import { gitData } from '../fake-github/git-refs.js'
import { FakeGitHub } from '../fake-github/server.js'
import { type World, WorldBuilder, findOrg } from '../fake-github/world.js'

const NOW = new Date('2026-06-01T12:00:00Z')

/** The parameters one read of each route is asked with. */
const AT = {
  org: 'acme',
  owner: 'acme',
  repo: 'app',
  username: 'alice',
  team_slug: 'core',
  issue_number: 1,
  ref: 'member-audit/locks/faults',
  commit_sha: '3a0f86fb8db8eea7ccbb9a95f325ddbedfb25e15'
}
/** Git's empty tree. */
const TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904'

function world(): World {
  const b = new WorldBuilder(NOW)
  b.member('acme', 'root', { role: 'admin' }).did('root', 'push', 2, { repo: 'acme/app' })
  b.member('acme', 'alice').did('alice', 'label', 40, { repo: 'acme/app', item: 7 })
  b.member('acme', 'bob').did('bob', 'label', 20, { repo: 'acme/app', item: 8 })
  b.did('bob', 'issue', 10, { repo: 'acme/app' }).did('bob', 'issue', 5, { repo: 'acme/app' })
  b.team('acme', 'core', [{ login: 'alice' }])
  b.world.repos.push({ fullName: 'acme/app', private: false })
  b.world.issues.push({ repo: 'acme/app', number: 1, title: 'T', body: '', state: 'open', labels: [], comments: [] })
  findOrg(b.world, 'acme')!.invitations = []
  // A reference with slashes in its name, to the one commit, for the Git data reads.
  const git = gitData(b.world, 'acme/app')
  git.trees.add(TREE)
  git.commits[AT.commit_sha] = { message: 'm', tree: TREE, parents: [], date: NOW.toISOString() }
  git.refs[`refs/${AT.ref}`] = AT.commit_sha
  b.world.tokens['test-token'] = { orgs: 'all', ownerOf: 'all', seesPrivate: true, scopes: ['repo', 'admin:org'] }
  return b.world
}

async function withFaults<T>(body: (github: FakeGitHub, faults: GitHubFaults) => Promise<T>): Promise<T> {
  const faults = new GitHubFaults()
  const github = await FakeGitHub.start({ world: world(), ...faults.hooks(), checkContract: true })
  try {
    return await body(github, faults)
  } finally {
    await github.close()
  }
}

/** The parameters one read of each route is asked with. */

interface Seen {
  status: number
  message: unknown
  retryAfter: string | undefined
}

async function seen(client: ReturnType<typeof getOctokit>, route: string): Promise<Seen> {
  try {
    const res = await client.request(route, AT)
    return { status: res.status, message: undefined, retryAfter: undefined }
  } catch (e) {
    const err = e as { status: number; response?: { data?: { message?: unknown }; headers: Record<string, string> } }
    return {
      status: err.status,
      message: err.response?.data?.message,
      retryAfter: err.response?.headers['retry-after']
    }
  }
}

describe('REST faults on every read route', () => {
  test('which kinds GitHub sends where: from its OpenAPI description and its documented any-route answers', () => {
    const table = Object.fromEntries(FAKE_READ_ROUTES.map((r) => [r, restFaultKinds(r).map((k) => k.kind)]))
    // 404, 403, 502 and the secondary rate limits on every route; 410 and 422 only where documented.
    for (const kinds of Object.values(table))
      expect(kinds).toEqual(expect.arrayContaining(['404', '403', '502', 'secondary-403', 'secondary-429']))
    expect(table['GET /repos/{owner}/{repo}/issues/{issue_number}/comments']).toContain('410')
    expect(table['GET /orgs/{org}/members']).toContain('422')
    expect(table['GET /orgs/{org}/members']).not.toContain('410')
    expect(table['GET /repos/{owner}/{repo}/collaborators/{username}/permission']).not.toContain('422')
    expect(restFaultKinds('GET /orgs/{org}/members').find((k) => k.kind === '422')!.source).toBe(
      'documented for this route'
    )
    const count = Object.values(table).reduce((n, kinds) => n + kinds.length, 0)
    console.log(
      `${FAKE_READ_ROUTES.length} read routes, ${count} route × fault cases:\n${JSON.stringify(table, null, 1)}`
    )
  })

  test('each kind is served once as GitHub sends it, then the normal answer; every answer valid', async () => {
    const cases = FAKE_READ_ROUTES.flatMap((route) =>
      restFaultKinds(route).map(({ kind, status }) => ({ route, kind, status }))
    )
    expect(cases.length).toBeGreaterThan(FAKE_READ_ROUTES.length * 5)
    await withFaults(async (github, faults) => {
      const client = getOctokit('test-token', { baseUrl: github.url })
      for (const { route, kind, status } of cases) {
        const record = faults.faultOn({ route, kind, times: 1 })
        const first = await seen(client, route)
        expect({ route, kind, ...first }).toEqual({
          route,
          kind,
          status,
          message: expect.any(String),
          retryAfter: kind.startsWith('secondary') ? '1' : undefined
        })
        expect(String(first.message)).toMatch(kind.startsWith('secondary') ? /secondary rate limit/ : /./)
        expect(record.served).toBe(1)
        expect((await seen(client, route)).status).toBeLessThan(300)
        faults.clear()
      }
      expect(github.contractProblems).toEqual([])
    })
  })

  test('`match` picks the request: only alice’s permission read fails, bob’s is answered', async () => {
    await withFaults(async (github, faults) => {
      const client = getOctokit('test-token', { baseUrl: github.url })
      const route = 'GET /repos/{owner}/{repo}/collaborators/{username}/permission'
      const record = faults.faultOn({ route, kind: '404', match: (r) => r.path.endsWith('/alice/permission') })
      expect((await seen(client, route)).status).toBe(404)
      expect(await client.request(route, { ...AT, username: 'bob' })).toMatchObject({ status: 200 })
      expect((await seen(client, route)).status).toBe(404)
      expect(record).toEqual({
        served: 2,
        where: [
          'GET /repos/acme/app/collaborators/alice/permission',
          'GET /repos/acme/app/collaborators/alice/permission'
        ]
      })
    })
  })

  test('a kind GitHub would not send there is refused, as is a route the fake does not serve', () => {
    const faults = new GitHubFaults()
    expect(() => faults.faultOn({ route: 'GET /orgs/{org}/members', kind: '410' })).toThrow(/does not answer/)
    expect(() => faults.faultOn({ route: 'GET /orgs/{org}/hooks', kind: '404' })).toThrow(/serves no route/)
    expect(REST_FAULT_KINDS).toHaveLength(7)
  })
})

interface PartialError {
  data: Record<string, unknown>
  errors: { type?: string; path?: (string | number)[]; message: string; locations?: unknown[] }[]
}

/** The GraphQL answer as the real client sees it: it throws on `errors`, with the data beside them. */
async function ask(github: FakeGitHub, query: string): Promise<PartialError> {
  const client = getOctokit('test-token', { baseUrl: github.url })
  try {
    return { data: (await client.graphql(query)) as Record<string, unknown>, errors: [] }
  } catch (e) {
    const err = e as PartialError & { name: string }
    expect(err.name).toBe('GraphqlResponseError')
    return { data: err.data, errors: err.errors }
  }
}

const SWEEP = `query RepositorySweep {
  r0: repository(owner: "acme", name: "app") {
    issues(first: 10) { nodes { number timelineItems(first: 10) { nodes { __typename } } } }
  }
}`

describe('GraphQL partial answers', () => {
  test.each(GRAPHQL_ERROR_TYPES)(
    '%s on a node in a connection: that node null, an error on its path, the rest there',
    async (type) => {
      await withFaults(async (github, faults) => {
        const record = faults.partialGraphql({
          operation: 'RepositorySweep',
          at: ({ path, value }) =>
            path.at(-2) === 'nodes' && path.length === 4 && (value as { number: number }).number === 7,
          type
        })
        const { data, errors } = await ask(github, SWEEP)
        const nodes = (data.r0 as { issues: { nodes: ({ number: number } | null)[] } }).issues.nodes
        const i = nodes.findIndex((n) => n === null)
        expect(nodes.filter((n) => n !== null).map((n) => n!.number)).toEqual(expect.arrayContaining([8]))
        expect(i).toBeGreaterThanOrEqual(0)
        expect(errors).toEqual([
          { type, path: ['r0', 'issues', 'nodes', i], locations: expect.any(Array), message: expect.any(String) }
        ])
        expect(record).toEqual({ served: 1, where: [`r0.issues.nodes.${i}`] })
        expect(github.requests.at(-1)!.status).toBe(200)
        expect(github.contractProblems).toEqual([])
      })
    }
  )

  test('a timeline item null with FORBIDDEN; an alias null with NOT_FOUND, its neighbour answered', async () => {
    await withFaults(async (github, faults) => {
      faults.partialGraphql({
        at: ({ path }) => path.includes('timelineItems') && path.at(-1) === 0,
        type: 'FORBIDDEN',
        times: 1
      })
      const sweep = await ask(github, SWEEP)
      expect(sweep.errors.map((e) => [e.type, e.path!.slice(2).join('.')])).toEqual([
        ['FORBIDDEN', expect.stringMatching(/^nodes\.\d\.timelineItems\.nodes\.0$/)]
      ])
      faults.partialGraphql({ at: ['u1'], type: 'NOT_FOUND' })
      const users = await ask(
        github,
        'query UserActivity { u0: user(login: "alice") { login } u1: user(login: "bob") { login } }'
      )
      expect(users.data).toEqual({ u0: { login: 'alice' }, u1: null })
      expect(users.errors).toEqual([expect.objectContaining({ type: 'NOT_FOUND', path: ['u1'] })])
      expect(github.contractProblems).toEqual([])
    })
  })

  test('a contributions node; INTERNAL without a type; a non-null field fails its nearest nullable parent', async () => {
    await withFaults(async (github, faults) => {
      faults.partialGraphql({
        at: ({ path }) => path.join('.') === 'u0.contributionsCollection.issueContributions.nodes.0',
        type: 'INTERNAL',
        untyped: true
      })
      const q = `query UserActivity { u0: user(login: "bob") { contributionsCollection {
        issueContributions(first: 5) { nodes { occurredAt } } } } }`
      const { data, errors } = await ask(github, q)
      const nodes = (data.u0 as { contributionsCollection: { issueContributions: { nodes: unknown[] } } })
        .contributionsCollection.issueContributions.nodes
      expect(nodes).toEqual([null, { occurredAt: expect.any(String) }])
      expect(errors).toEqual([
        {
          path: ['u0', 'contributionsCollection', 'issueContributions', 'nodes', 0],
          locations: expect.any(Array),
          message: expect.stringMatching(/^Something went wrong/)
        }
      ])
      faults.clear()
      // `number` is Int!: failing it nulls the issue node, and the error names `number`.
      faults.partialGraphql({ at: ({ path, value }) => path.at(-1) === 'number' && value === 8, type: 'NOT_FOUND' })
      const sweep = await ask(github, SWEEP)
      const issues = (sweep.data.r0 as { issues: { nodes: unknown[] } }).issues.nodes
      const i = issues.findIndex((n) => n === null)
      expect(sweep.errors.map((e) => e.path)).toEqual([['r0', 'issues', 'nodes', i, 'number']])
      expect(github.contractProblems).toEqual([])
    })
  })

  test('another operation is not touched', async () => {
    await withFaults(async (github, faults) => {
      const record = faults.partialGraphql({ operation: 'BusyTimelines', at: ['r0'], type: 'NOT_FOUND' })
      const { errors } = await ask(github, SWEEP)
      expect(errors).toEqual([])
      expect(record.served).toBe(0)
    })
  })
})
