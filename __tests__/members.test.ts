/** Member lists over the real client: pagination, roles, visibility, and errors that say what to fix. */
import { InputError } from '../src/errors.js'
import { listOrgMembers } from '../src/members/list-members.js'
import { recordingLogger, testClient } from './helpers.js'
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
    const client = testClient(github.url, { token, log })
    return await body(github, (org) => listOrgMembers(client, org))
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
})
