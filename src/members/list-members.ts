/** Reads each organization's members over REST: who, with which role, and whether public. */
import type { GitHubClient } from '../github/client.js'
import { InputError } from '../errors.js'
import { MEMBERS_PERMISSION, explain } from '../github/explain.js'
import { isHttpError } from '../github/failures.js'
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
 * A token from outside the organization sees public members only, silently
 * ("If the authenticated user is also a member of this organization then both concealed and
 * public members will be returned"): when every member listed is public, that is checked.
 */
export async function listOrgMembers(client: GitHubClient, org: string, log: Logger): Promise<OrgMember[]> {
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

  if (all.every((u) => visible.has(loginKey(u.login)))) await confirmInsider(client, org, all.length, log)
  return all.map((u) => ({
    login: u.login,
    type: u.type ?? 'User',
    role: owners.has(loginKey(u.login)) ? 'admin' : 'member',
    public: visible.has(loginKey(u.login))
  }))
}

/**
 * Every member listed is public: either they all are, or the token's account is not a member and
 * GitHub showed it the public ones only. The token's own membership tells which
 * (docs.github.com/en/rest/orgs/members#get-an-organization-membership-for-the-authenticated-user:
 * 404 when the account is not affiliated with the organization). An installation token has no
 * account to ask about (403); it sees every member once installed, so a warning is enough there.
 */
async function confirmInsider(client: GitHubClient, org: string, listed: number, log: Logger): Promise<void> {
  try {
    const { data } = await client.request('GET /user/memberships/orgs/{org}', { org })
    if (data.state === 'active') return
  } catch (error) {
    if (!(isHttpError(error) && error.status === 404)) {
      log.warning(
        `[${org}] every member listed is public. If the token's account is not a member of "${org}", concealed members are invisible to it and are not audited.`
      )
      return
    }
  }
  throw new InputError(
    `The token's account is not an active member of organization "${org}", so GitHub lists only its public members (${listed}) and concealed members would go unaudited. Use a token of a member of "${org}" with ${MEMBERS_PERMISSION}, or a GitHub App installed on "${org}".`
  )
}
