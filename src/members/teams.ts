/** Audited teams (roster `teams`): their members, maintainers marked. */
import type { GitHubClient } from '../github/client.js'
import { explain } from '../github/explain.js'
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
    throw explain(error, { kind: 'team', team: `${rule.org}/${rule.slug}` })
  }
}
