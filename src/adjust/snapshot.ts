/**
 * A person's privileges in one organization before a change, and the calls that change or
 * restore them. Pure. Routes, bodies and answers: docs.github.com/en/rest/orgs/members
 * (set / remove organization membership), /rest/orgs/outside-collaborators (convert),
 * /rest/teams/members (add or update / remove team membership), /rest/collaborators/collaborators
 * (add a repository collaborator). An organization never loses its last owner: GitHub refuses
 * converting them (403), and the action refuses every plan that would demote or remove them.
 */
import type { OrgAdjustment } from '../roster/adjust.js'
import { planRefusal } from './refusals.js'

export interface Snapshot {
  org: string
  login: string
  role: 'admin' | 'member'
  teams: { slug: string; role: 'member' | 'maintainer' }[]
  /** Direct repository permissions, repository name → pull | triage | push | maintain | admin. */
  repos: Record<string, string>
  at: string
}

/** One REST call, as Octokit takes it; `why` is said in the comment and in dry run. */
export interface Call {
  route: string
  params: Record<string, string>
  why: string
}

const TEAM = '/orgs/{org}/teams/{team_slug}/memberships/{username}'

export type Plan = { calls: Call[] } | { refused: string }

export function adjustmentPlan(s: Snapshot, rule: OrgAdjustment, owners: number): Plan {
  const who = { org: s.org, username: s.login }
  const owner = s.role === 'admin'
  const refused = planRefusal({ login: s.login, org: s.org, role: s.role }, rule, owners)
  if (refused) return { refused }
  if (rule.membership === 'remove')
    return {
      calls: [{ route: 'DELETE /orgs/{org}/memberships/{username}', params: who, why: 'removed from the organization' }]
    }
  if (rule.membership === 'outside-collaborator')
    return {
      calls: [
        {
          route: 'PUT /orgs/{org}/outside_collaborators/{username}',
          params: who,
          why: 'converted to outside collaborator (direct repository access kept)'
        }
      ]
    }
  const calls: Call[] = []
  if (owner && rule.owners === 'demote')
    calls.push({
      route: 'PUT /orgs/{org}/memberships/{username}',
      params: { ...who, role: 'member' },
      why: 'owner → member'
    })
  if (rule.teams === 'remove')
    for (const t of s.teams)
      calls.push({ route: `DELETE ${TEAM}`, params: { ...who, team_slug: t.slug }, why: `left team ${t.slug}` })
  if (rule.alumniTeam && rule.alumniTeam.org.toLowerCase() === s.org.toLowerCase())
    calls.push({
      route: `PUT ${TEAM}`,
      params: { ...who, team_slug: rule.alumniTeam.slug, role: 'member' },
      why: `joined team ${rule.alumniTeam.slug}`
    })
  return { calls }
}

/** Where the person stands now in the organization, as `GET /orgs/{org}/memberships/{username}` says (404: none). */
export type Standing = 'active' | 'pending' | 'none'

/**
 * The calls that put back exactly what the snapshot holds. Someone no longer a member is invited
 * with the snapshot's role first; teams and permissions follow on the first run after they accept.
 */
export function restorePlan(
  s: Snapshot,
  standing: Standing,
  now: { role?: 'admin' | 'member'; teams: string[]; repos: Record<string, string> },
  alumniTeam?: string
): { calls: Call[]; waiting: boolean } {
  const who = { org: s.org, username: s.login }
  const invite = {
    route: 'PUT /orgs/{org}/memberships/{username}',
    params: { ...who, role: s.role },
    why: `invited again as ${s.role === 'admin' ? 'owner' : 'member'}`
  }
  if (standing === 'none') return { calls: [invite], waiting: true }
  if (standing === 'pending') return { calls: [], waiting: true }
  const calls: Call[] = []
  if (now.role !== s.role) calls.push({ ...invite, why: `role ${s.role === 'admin' ? 'owner' : 'member'} restored` })
  for (const t of s.teams)
    if (!now.teams.some((x) => x.toLowerCase() === t.slug.toLowerCase()) || t.role === 'maintainer')
      calls.push({
        route: `PUT ${TEAM}`,
        params: { ...who, team_slug: t.slug, role: t.role },
        why: `team ${t.slug} (${t.role}) restored`
      })
  if (
    alumniTeam &&
    !s.teams.some((t) => t.slug.toLowerCase() === alumniTeam.toLowerCase()) &&
    now.teams.some((x) => x.toLowerCase() === alumniTeam.toLowerCase())
  )
    calls.push({ route: `DELETE ${TEAM}`, params: { ...who, team_slug: alumniTeam }, why: `left team ${alumniTeam}` })
  for (const [repo, permission] of Object.entries(s.repos))
    if (now.repos[repo] !== permission)
      calls.push({
        route: 'PUT /repos/{owner}/{repo}/collaborators/{username}',
        params: { owner: s.org, repo, username: s.login, permission },
        why: `${permission} on ${repo} restored`
      })
  return { calls, waiting: false }
}
