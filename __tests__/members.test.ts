/** Member lists over the real client: pagination, roles, visibility, and errors that say what to fix. */
import { createGitHubClient, emptyUsage } from '../src/github/client.js'
import { InputError } from '../src/errors.js'
import { listOrgMembers } from '../src/members/list-members.js'
import { recordingLogger } from './helpers.js'
import { FakeGitHub } from '../fake-github/server.js'
import { WorldBuilder } from '../fake-github/world.js'

async function withGitHub<T>(
  b: WorldBuilder,
  token: string,
  body: (github: FakeGitHub, list: (org: string) => ReturnType<typeof listOrgMembers>) => Promise<T>
): Promise<T> {
  const github = await FakeGitHub.start({ world: b.world })
  try {
    const log = recordingLogger()
    const client = createGitHubClient({ token, apiUrl: github.url, log, usage: emptyUsage(), waitScale: 0.001 })
    return await body(github, (org) => listOrgMembers(client, org, log))
  } finally {
    await github.close()
  }
}

describe('members', () => {
  test('250 members: every page read through Link headers, owners and concealed members marked', async () => {
    const b = new WorldBuilder()
    for (let i = 0; i < 250; i++) b.member('big', `m${i}`, { role: i < 3 ? 'admin' : 'member', public: i % 2 === 0 })
    await withGitHub(b, 'test-token', async (github, list) => {
      const members = await list('big')
      expect(members).toHaveLength(250)
      expect(members.filter((m) => m.role === 'admin').map((m) => m.login)).toEqual(['m0', 'm1', 'm2'])
      expect(members.filter((m) => m.public)).toHaveLength(125)
      const all = github.requests.filter((r) => r.path === '/orgs/big/members' && r.query.role === 'all')
      expect(all.map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3'])
      expect(all.every((r) => r.query.per_page === '100')).toBe(true)
      expect(github.requests.filter((r) => r.path === '/orgs/big/public_members')).toHaveLength(2)
    })
  })

  test('an organization that does not exist is named, with the permission needed', async () => {
    await withGitHub(new WorldBuilder().member('acme', 'a'), 'test-token', async (_g, list) => {
      const error = await list('acmee').catch((e: Error) => e)
      expect(error).toBeInstanceOf(InputError)
      expect((error as Error).message).toMatch(
        /Organization "acmee" was not found, or the token cannot see it \(404\).*Members: read/
      )
    })
  })

  test('a token without Members: read for one org gets 403 and a message naming org and permission', async () => {
    const b = new WorldBuilder()
      .member('acme', 'a')
      .member('private-org', 'b')
      .token('narrow', { orgs: ['acme'] })
    await withGitHub(b, 'narrow', async (_g, list) => {
      await expect(list('acme')).resolves.toHaveLength(1)
      const error = await list('private-org').catch((e: Error) => e)
      expect(error).toBeInstanceOf(InputError)
      expect((error as Error).message).toMatch(
        /cannot list the members of organization "private-org" \(403.*read:org.*Members: read/
      )
    })
  })

  test('a revoked token gets one message about the token, not about the org', async () => {
    await withGitHub(new WorldBuilder().member('acme', 'a'), 'revoked-token', async (_g, list) => {
      const error = await list('acme').catch((e: Error) => e)
      expect(error).toBeInstanceOf(InputError)
      expect((error as Error).message).toMatch(/GitHub rejected the token \(401 Bad credentials\)/)
    })
  })

  test("every member public: the token's own membership tells an outsider's view from an org whose members are all public", async () => {
    const b = new WorldBuilder().member('acme', 'a').member('acme', 'b').member('acme', 'hidden', { public: false })
    b.token('outsider', { orgs: 'all', memberOf: [] })
    b.world.orgs.push({ login: 'open', members: [{ login: 'a', role: 'member', public: true }] })
    // A member's token sees the concealed member too: no question asked.
    await withGitHub(b, 'test-token', async (github, list) => {
      expect((await list('acme')).map((m) => m.login)).toEqual(['a', 'b', 'hidden'])
      expect(github.requests.filter((r) => r.path.startsWith('/user/'))).toEqual([])
      // An org whose members are all public: the token's account is a member, so that is the truth.
      expect((await list('open')).map((m) => m.login)).toEqual(['a'])
      expect(github.requests.filter((r) => r.path.startsWith('/user/')).map((r) => [r.path, r.status])).toEqual([
        ['/user/memberships/orgs/open', 200]
      ])
    })
    // An outsider's classic token sees a and b only: stopped, with what to do.
    await withGitHub(b, 'outsider', async (_g, list) => {
      const error = await list('acme').catch((e: Error) => e)
      expect(error).toBeInstanceOf(InputError)
      expect((error as Error).message).toMatch(
        /The token's account is not an active member of organization "acme", so GitHub lists only its public members \(2\)/
      )
    })
    // An installation token has no account to ask about: a warning, not an error.
    const b2 = new WorldBuilder().member('acme', 'a')
    b2.token('installation', { orgs: 'all', app: true })
    const github = await FakeGitHub.start({ world: b2.world })
    try {
      const log = recordingLogger()
      const client = createGitHubClient({
        token: 'installation',
        apiUrl: github.url,
        log,
        usage: emptyUsage(),
        waitScale: 0.001
      })
      expect((await listOrgMembers(client, 'acme', log)).map((m) => m.login)).toEqual(['a'])
      expect(log.lines.join('\n')).toMatch(
        /warning: \[acme\] every member listed is public\. If the token's account is not a member/
      )
    } finally {
      await github.close()
    }
  })
})
