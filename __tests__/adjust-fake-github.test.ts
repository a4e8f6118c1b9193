/**
 * The fake GitHub's organization writes behave as GitHub documents them (fake-github/org-writes.ts),
 * driven through the real Octokit client: roles, the last-owner rule, invitations pending until
 * accepted, team memberships, conversion to outside collaborator, direct repository permissions.
 */
import { FakeGitHub } from '../fake-github/server.js'
import { WorldBuilder, findOrg } from '../fake-github/world.js'
import { acceptInvitation } from '../fake-github/org-writes.js'
import { testClient } from './helpers.js'

async function start(build: (b: WorldBuilder) => void) {
  const b = new WorldBuilder(new Date('2026-06-01T00:00:00Z'))
  build(b)
  b.token('member-token', { orgs: 'all', ownerOf: [] })
  const github = await FakeGitHub.start({ world: b.world })
  const client = (token = 'test-token') => testClient(github.url, { token })
  return { github, client, world: b.world }
}

const status = async (p: Promise<{ status: number }>): Promise<number> =>
  p.then(
    (r) => r.status,
    (e: { status: number }) => e.status
  )

describe('fake GitHub: organization writes', () => {
  test('the last owner can be neither demoted, removed nor converted; with a second owner they can', async () => {
    const { github, client, world } = await start((b) =>
      b.member('acme', 'solo', { role: 'admin' }).member('acme', 'm')
    )
    try {
      const c = client()
      const org = { org: 'acme', username: 'solo' }
      expect(await status(c.request('PUT /orgs/{org}/memberships/{username}', { ...org, role: 'member' }))).toBe(403)
      expect(await status(c.request('DELETE /orgs/{org}/memberships/{username}', org))).toBe(403)
      expect(await status(c.request('PUT /orgs/{org}/outside_collaborators/{username}', org))).toBe(403)
      expect(findOrg(world, 'acme')!.members.find((m) => m.login === 'solo')!.role).toBe('admin')
      await c.request('PUT /orgs/{org}/memberships/{username}', { org: 'acme', username: 'm', role: 'admin' })
      expect(await status(c.request('PUT /orgs/{org}/memberships/{username}', { ...org, role: 'member' }))).toBe(200)
    } finally {
      await github.close()
    }
  })

  test("a member's token may not write memberships (403)", async () => {
    const { github, client } = await start((b) => b.member('acme', 'a').member('acme', 'b'))
    try {
      const put = client('member-token').request('PUT /orgs/{org}/memberships/{username}', {
        org: 'acme',
        username: 'b',
        role: 'admin'
      })
      expect(await status(put)).toBe(403)
    } finally {
      await github.close()
    }
  })

  test('removing a member drops their teams; inviting them again is pending until they accept, teams asked for meanwhile follow', async () => {
    const { github, client, world } = await start((b) =>
      b
        .member('acme', 'owner', { role: 'admin' })
        .member('acme', 'alice')
        .team('acme', 'core', [{ login: 'alice', role: 'maintainer' }])
    )
    try {
      const c = client()
      const who = { org: 'acme', username: 'alice' }
      expect(await status(c.request('DELETE /orgs/{org}/memberships/{username}', who))).toBe(204)
      expect(findOrg(world, 'acme')!.teams![0]!.members).toEqual([])
      const invited = await c.request('PUT /orgs/{org}/memberships/{username}', { ...who, role: 'member' })
      expect(invited.data).toMatchObject({ state: 'pending', role: 'member' })
      const team = await c.request('PUT /orgs/{org}/teams/{team_slug}/memberships/{username}', {
        ...who,
        team_slug: 'core',
        role: 'maintainer'
      })
      expect(team.data).toMatchObject({ state: 'pending' })
      expect((await c.request('GET /orgs/{org}/memberships/{username}', who)).data).toMatchObject({ state: 'pending' })
      acceptInvitation(world, 'acme', 'alice')
      expect((await c.request('GET /orgs/{org}/memberships/{username}', who)).data).toMatchObject({ state: 'active' })
      expect(findOrg(world, 'acme')!.teams![0]!.members).toEqual([{ login: 'alice', role: 'maintainer' }])
    } finally {
      await github.close()
    }
  })

  test('conversion to outside collaborator keeps direct repository permissions; they can be set and removed', async () => {
    const { github, client, world } = await start((b) => {
      b.member('acme', 'owner', { role: 'admin' }).member('acme', 'bob')
      b.world.repos.push({ fullName: 'acme/site', private: false })
      findOrg(b.world, 'acme')!.members.find((m) => m.login === 'bob')!.repos = { site: 'maintain' }
    })
    try {
      const c = client()
      const direct = await c.request('GET /repos/{owner}/{repo}/collaborators', {
        owner: 'acme',
        repo: 'site',
        affiliation: 'direct'
      })
      expect(direct.data.map((u) => [u.login, u.role_name])).toEqual([['bob', 'maintain']])
      expect(
        await status(c.request('PUT /orgs/{org}/outside_collaborators/{username}', { org: 'acme', username: 'bob' }))
      ).toBe(204)
      expect(findOrg(world, 'acme')!.outsideCollaborators).toEqual([{ login: 'bob', repos: { site: 'maintain' } }])
      const where = { owner: 'acme', repo: 'site', username: 'bob' }
      expect(await status(c.request('DELETE /repos/{owner}/{repo}/collaborators/{username}', where))).toBe(204)
      expect(
        await status(c.request('PUT /repos/{owner}/{repo}/collaborators/{username}', { ...where, permission: 'push' }))
      ).toBe(204)
      expect(findOrg(world, 'acme')!.outsideCollaborators![0]!.repos).toEqual({ site: 'push' })
    } finally {
      await github.close()
    }
  })
})
