/**
 * What a person holds in one organization right now, read from GitHub: the snapshot taken before
 * a change, and the state a reinstatement compares with. GitHub I/O only.
 * - Role and standing: `GET /orgs/{org}/memberships/{username}` — `state` active or pending (an
 *   invitation), `role` admin or member; 404 when neither (docs: orgs/members#get-organization-membership-for-a-user).
 * - Teams: there is no "teams of another user" endpoint, so each team of `GET /orgs/{org}/teams` is
 *   asked `GET /orgs/{org}/teams/{team_slug}/memberships/{username}` (200 with `role`, 404 when not
 *   in it; docs: teams/teams#list-teams, teams/members#get-team-membership-for-a-user).
 * - Direct repository permissions: `GET /repos/{owner}/{repo}/collaborators?affiliation=direct`
 *   for each repository of `GET /orgs/{org}/repos`; its `role_name` says read/write where the
 *   write endpoint takes pull/push (docs: collaborators/collaborators#list-repository-collaborators).
 * Team and collaborator lists are read once per organization per run and shared by everyone.
 */
import type { GitHubClient } from '../github/client.js'
import { isHttpError } from '../github/failures.js'
import type { Snapshot, Standing } from './snapshot.js'

export interface Privileges {
  standing: Standing
  /** The member's account id (the membership's `user.id`): the account, whatever its login later. */
  accountId?: number
  role?: 'admin' | 'member'
  teams: Snapshot['teams']
  repos: Record<string, string>
}

interface OrgLists {
  teams: string[]
  /** Repository name → lower-case login → permission, for direct collaborators. */
  direct: Map<string, Map<string, string>>
}

/** The write endpoint's names for `role_name` (pull, triage, push, maintain, admin). */
const PERMISSION: Record<string, string> = { read: 'pull', write: 'push' }

export class PrivilegeReader {
  private readonly lists = new Map<string, Promise<OrgLists>>()

  constructor(private readonly client: GitHubClient) {}

  /** Where `login` stands in `org`, with every team (and its role) and direct permission. */
  async read(org: string, login: string): Promise<Privileges> {
    const standing = await this.standing(org, login)
    if (standing.standing !== 'active') return { ...standing, teams: [], repos: {} }
    const lists = await this.orgLists(org)
    const teams: Snapshot['teams'] = []
    for (const slug of lists.teams) {
      const role = await this.teamRole(org, slug, login)
      if (role) teams.push({ slug, role })
    }
    const repos: Record<string, string> = {}
    for (const [repo, holders] of lists.direct) {
      const permission = holders.get(login.toLowerCase())
      if (permission) repos[repo] = permission
    }
    return { ...standing, teams, repos }
  }

  /** How many owners `org` has now (`GET /orgs/{org}/members?role=admin`; docs: orgs/members#list-organization-members). */
  async owners(org: string): Promise<number> {
    const owners = await this.client.paginate('GET /orgs/{org}/members', { org, role: 'admin', per_page: 100 })
    return owners.length
  }

  /**
   * Whether `login`'s membership of `org` is public (`GET /orgs/{org}/public_members/{username}`:
   * 204, or 404 when concealed or no member; docs: orgs/members#check-public-organization-membership-for-a-user).
   */
  async isPublicMember(org: string, login: string): Promise<boolean> {
    try {
      await this.client.request('GET /orgs/{org}/public_members/{username}', { org, username: login })
      return true
    } catch (error) {
      if (isHttpError(error) && error.status === 404) return false
      throw error
    }
  }

  async standing(
    org: string,
    login: string
  ): Promise<{ standing: Standing; role?: 'admin' | 'member'; accountId?: number }> {
    try {
      const { data } = await this.client.request('GET /orgs/{org}/memberships/{username}', { org, username: login })
      return {
        standing: data.state === 'pending' ? 'pending' : 'active',
        role: data.role === 'admin' ? 'admin' : 'member',
        ...(data.user?.id !== undefined ? { accountId: Number(data.user.id) } : {})
      }
    } catch (error) {
      if (isHttpError(error) && error.status === 404) return { standing: 'none' }
      throw error
    }
  }

  private async teamRole(org: string, slug: string, login: string): Promise<'member' | 'maintainer' | null> {
    try {
      const { data } = await this.client.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', {
        org,
        team_slug: slug,
        username: login
      })
      return data.state === 'active' ? (data.role === 'maintainer' ? 'maintainer' : 'member') : null
    } catch (error) {
      if (isHttpError(error) && error.status === 404) return null
      throw error
    }
  }

  private orgLists(org: string): Promise<OrgLists> {
    const key = org.toLowerCase()
    if (!this.lists.has(key)) this.lists.set(key, this.readLists(org))
    return this.lists.get(key)!
  }

  private async readLists(org: string): Promise<OrgLists> {
    const teams = await this.client.paginate('GET /orgs/{org}/teams', { org, per_page: 100 })
    const repos = await this.client.paginate('GET /orgs/{org}/repos', { org, per_page: 100 })
    const direct = new Map<string, Map<string, string>>()
    for (const repo of repos) {
      const collaborators = await this.client.paginate('GET /repos/{owner}/{repo}/collaborators', {
        owner: org,
        repo: repo.name,
        affiliation: 'direct',
        per_page: 100
      })
      const holders = new Map<string, string>()
      for (const c of collaborators) {
        const role = (c as { role_name?: string }).role_name ?? ''
        if (role) holders.set(c.login.toLowerCase(), PERMISSION[role] ?? role)
      }
      if (holders.size) direct.set(repo.name, holders)
    }
    return { teams: teams.map((t) => t.slug), direct }
  }
}
