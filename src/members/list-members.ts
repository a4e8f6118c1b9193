/** Reads each organization's members over REST: who, with which role, and whether public. */
import type { GitHubClient } from '../github/client.js'
import { organizationReadError } from '../github/request-errors.js'
import type { Logger } from '../logger.js'
import { loginKey } from '../roster/roster.js'
import type { OrgMember } from './people.js'

interface SimpleUser {
  login: string
  type?: string
}

/**
 * Lists an organization's members: all of them, then the owners (`role=admin`) and the public
 * ones, since the member list itself carries neither role nor visibility
 * (docs.github.com/en/rest/orgs/members#list-organization-members).
 * A token from outside the organization sees public members only, silently; that is warned about.
 */
export async function listOrgMembers(client: GitHubClient, org: string, log: Logger): Promise<OrgMember[]> {
  const read = async (route: string, params: Record<string, string | number>): Promise<SimpleUser[]> => {
    try {
      return (await client.paginate(route, { org, per_page: 100, ...params })) as SimpleUser[]
    } catch (error) {
      throw organizationReadError(org, error)
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

  if (all.length > 0 && all.every((u) => visible.has(loginKey(u.login)))) {
    log.warning(
      `[${org}] every member listed is public. If the token's owner is not a member of "${org}", concealed members are invisible to it and are not audited.`
    )
  }
  return all.map((u) => ({
    login: u.login,
    type: u.type ?? 'User',
    role: owners.has(loginKey(u.login)) ? 'admin' : 'member',
    public: visible.has(loginKey(u.login))
  }))
}
