/** Reads each organization's members over REST: who, with which role, and whether public. */
import type { GitHubClient } from '../github/client.js'
import { explain } from '../github/explain.js'
import { loginKey } from '../roster/roster.js'
import type { OrgMember } from './people.js'

interface SimpleUser {
  login: string
  id?: number
  type?: string
}

/**
 * Lists an organization's members: all of them, then the owners (`role=admin`) and the public
 * ones, since the member list itself carries neither role nor visibility
 * (docs.github.com/en/rest/orgs/members#list-organization-members). A token that cannot see
 * concealed members is answered with the public ones only, silently; the preflight has made sure
 * this token can (preflight/organizations.ts).
 */
export async function listOrgMembers(client: GitHubClient, org: string): Promise<OrgMember[]> {
  const read = async (route: string, params: Record<string, string | number>): Promise<SimpleUser[]> => {
    try {
      return (await client.paginate(route, { org, per_page: 100, ...params })) as SimpleUser[]
    } catch (error) {
      throw explain(error, { kind: 'organization', org })
    }
  }
  // The three lists are independent: read them side by side.
  const [all, admins, publicOnes] = await Promise.all([
    read('GET /orgs/{org}/members', { role: 'all' }),
    read('GET /orgs/{org}/members', { role: 'admin' }),
    read('GET /orgs/{org}/public_members', {})
  ])
  const owners = new Set(admins.map((u) => loginKey(u.login)))
  const visible = new Set(publicOnes.map((u) => loginKey(u.login)))

  return all.map((u) => ({
    login: u.login,
    ...(u.id !== undefined ? { id: u.id } : {}),
    type: u.type ?? 'User',
    role: owners.has(loginKey(u.login)) ? 'admin' : 'member',
    public: visible.has(loginKey(u.login))
  }))
}
