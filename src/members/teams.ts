/** Audited teams (roster `teams`): their members, maintainers marked. */
import type { GitHubClient } from '../github/client.js'
import { InputError } from '../errors.js'
import { MEMBERS_PERMISSION, isHttpError } from '../github/request-errors.js'
import type { TeamRule } from '../roster/roster.js'
import { loginKey } from '../roster/roster.js'

export interface TeamMembers {
  rule: TeamRule
  /** Lower-case login → maintainer? */
  members: Map<string, boolean>
}

export async function readTeam(client: GitHubClient, rule: TeamRule): Promise<TeamMembers> {
  const read = async (role: 'all' | 'maintainer'): Promise<{ login: string }[]> =>
    (await client.paginate('GET /orgs/{org}/teams/{team_slug}/members', {
      org: rule.org,
      team_slug: rule.slug,
      role,
      per_page: 100
    })) as { login: string }[]
  try {
    const [all, maintainers] = await Promise.all([read('all'), read('maintainer')])
    const maintaining = new Set(maintainers.map((u) => loginKey(u.login)))
    return { rule, members: new Map(all.map((u) => [loginKey(u.login), maintaining.has(loginKey(u.login))])) }
  } catch (error) {
    if (isHttpError(error) && (error.status === 404 || error.status === 403)) {
      throw new InputError(
        `Team "${rule.org}/${rule.slug}" (roster teams) was not found, or the token cannot see it (${error.status}). Check the slug; the token needs ${MEMBERS_PERMISSION}.`
      )
    }
    throw error
  }
}
