/**
 * Organization writes as GitHub documents them, for apply mode: memberships, invitations, team
 * memberships, outside-collaborator conversion and direct repository permissions.
 * - `PUT /orgs/{org}/memberships/{username}` {role}: "If the authenticated user is an organization
 *   owner, this will update the membership role… If the user is not a member, this will invite
 *   them" — 200 with `state: pending` until they accept (docs: orgs/members#set-organization-membership-for-a-user).
 * - `DELETE /orgs/{org}/memberships/{username}`: 204; removes the member (and so their teams and
 *   direct repository access) or cancels an invitation (docs: orgs/members#remove-organization-membership-for-a-user).
 * - `PUT /orgs/{org}/outside_collaborators/{username}`: 204; "403 Forbidden if user is the last
 *   owner of the organization, not a member of the organization" (docs: orgs/outside-collaborators).
 * - `PUT|DELETE /orgs/{org}/teams/{team_slug}/memberships/{username}` {role: member|maintainer}:
 *   200 `{role, state}` (pending, with an invitation, for someone not yet a member) / 204
 *   (docs: teams/members#add-or-update-team-membership-for-a-user).
 * - `PUT|DELETE /repos/{owner}/{repo}/collaborators/{username}` {permission}: 204 for a member
 *   (201 would be an invitation to an outsider) / 204 (docs: collaborators/collaborators).
 * An organization never loses its last owner: demoting, removing or converting them is a 403
 * here, as converting is documented to be; the action checks before asking in any case.
 * Only an owner's token writes (403 otherwise). Tests accept an invitation with `acceptInvitation`.
 */
import { type Reply, error, validationFailed } from './answers.js'
import { collaborator, orgMembership, team, teamMembership } from './rest-shapes.js'
import type { RecordedRequest } from './request.js'
import { type World, type WorldOrg, type WorldToken, findOrg, findUser } from './world.js'

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase()
const LAST_OWNER = 'Cannot remove or demote the last owner of an organization'

export function routeOrgWrites(
  world: World,
  r: RecordedRequest,
  token: WorldToken,
  owns: (org: string) => boolean,
  serverUrl = 'https://github.com'
): Reply | null {
  const p = r.path.split('/').filter(Boolean)
  const body = r.body ?? {}
  if (p[0] === 'repos' && p[3] === 'collaborators' && p.length === 5 && r.method !== 'GET') {
    const org = findOrg(world, p[1]!)
    if (!org) return error(404, 'Not Found')
    if (!owns(org.login)) return error(403, 'Must have admin rights to Repository.')
    return repoCollaborator(org, p[2]!, p[4]!, r.method, String(body.permission ?? 'push'))
  }
  if (p[0] === 'repos' && p[3] === 'collaborators' && p.length === 4 && r.query.affiliation === 'direct') {
    const org = findOrg(world, p[1]!)
    const name = p[2]!.toLowerCase()
    const direct = [...(org?.members ?? []), ...(org?.outsideCollaborators ?? [])].flatMap((m) => {
      const permission = Object.entries(m.repos ?? {}).find(([n]) => n.toLowerCase() === name)?.[1]
      return permission ? [collaborator(world, m.login, serverUrl, permission)] : []
    })
    return { status: 200, body: direct }
  }
  if (p[0] === 'orgs' && p[2] === 'teams' && p.length === 3 && r.method === 'GET') {
    // docs: teams/teams#list-teams (every team visible to the token; an owner's sees all).
    const org = findOrg(world, p[1]!)
    if (!org) return error(404, 'Not Found')
    return { status: 200, body: (org.teams ?? []).map((t) => team(org.login, t.slug, serverUrl)) }
  }
  if (p[0] !== 'orgs' || p.length < 4) return null
  const org = findOrg(world, p[1]!)
  if (!org) return null
  if (p[2] === 'memberships' && p.length === 4) return membership(world, org, p[3]!, r, owns, serverUrl)
  if (p[2] === 'outside_collaborators' && p.length === 4 && r.method === 'PUT') {
    if (!owns(org.login)) return error(403, 'Must be an organization owner')
    return convert(org, p[3]!)
  }
  if (p[2] === 'teams' && p[4] === 'memberships' && p.length === 6 && r.method === 'GET') {
    // docs: teams/members#get-team-membership-for-a-user: 404 when not a member.
    const found = org.teams?.find((t) => same(t.slug, p[3]!))?.members.find((m) => same(m.login, p[5]!))
    // No body on the 404 (docs: "if user has no team membership"); GitHub's basic error body is sent all the same.
    return found
      ? { status: 200, body: teamMembership(org.login, p[3]!, found.login, found.role, 'active', serverUrl) }
      : error(404, 'Not Found')
  }
  if (p[2] === 'teams' && p[4] === 'memberships' && p.length === 6 && r.method !== 'GET') {
    if (!owns(org.login)) return error(403, 'Must have admin rights to the team')
    const role = body.role === 'maintainer' ? 'maintainer' : 'member'
    return changeTeamMembership(world, org, p[3]!, p[5]!, r.method, role, serverUrl)
  }
  return null
}

function membership(
  world: World,
  org: WorldOrg,
  login: string,
  r: RecordedRequest,
  owns: (org: string) => boolean,
  serverUrl: string
): Reply | null {
  const member = org.members.find((m) => same(m.login, login))
  const invitation = (org.invitations ?? []).find((i) => i.login && same(i.login, login) && !i.failedAt)
  if (r.method === 'GET') {
    // A pending invitation shows as a pending membership with the role they will have.
    if (member || !invitation) return null
    const role = invitation.role === 'admin' ? 'admin' : 'member'
    return { status: 200, body: orgMembership(world, org.login, invitation.login!, 'pending', role, serverUrl) }
  }
  if (!owns(org.login)) return error(403, 'You must be an admin to change memberships')
  if (r.method === 'DELETE') {
    if (member && member.role === 'admin' && ownerCount(org) === 1) return error(403, LAST_OWNER)
    if (!member && !invitation) return error(404, 'Not Found')
    org.members = org.members.filter((m) => m !== member)
    org.invitations = (org.invitations ?? []).filter((i) => i !== invitation)
    for (const team of org.teams ?? []) team.members = team.members.filter((m) => !same(m.login, login))
    return { status: 204, body: undefined }
  }
  if (r.method !== 'PUT') return null
  const role = r.body?.role === 'admin' ? 'admin' : 'member'
  if (member) {
    if (member.role === 'admin' && role === 'member' && ownerCount(org) === 1) return error(403, LAST_OWNER)
    member.role = role
    return { status: 200, body: orgMembership(world, org.login, member.login, 'active', role, serverUrl) }
  }
  const user = findUser(world, login)
  if (!user || user.gone) return error(404, 'Not Found')
  if (invitation) invitation.role = role === 'admin' ? 'admin' : 'direct_member'
  else invite(world, org, user.login, role === 'admin' ? 'admin' : 'direct_member')
  return { status: 200, body: orgMembership(world, org.login, user.login, 'pending', role, serverUrl) }
}

function invite(world: World, org: WorldOrg, login: string, role: 'admin' | 'direct_member'): void {
  org.invitations = [...(org.invitations ?? []), { login, email: null, role, createdAt: world.now, inviter: 'auditor' }]
}

function ownerCount(org: WorldOrg): number {
  return org.members.filter((m) => m.role === 'admin').length
}

function convert(org: WorldOrg, login: string): Reply {
  const member = org.members.find((m) => same(m.login, login))
  if (!member) return error(403, 'User is not a member of the organization')
  if (member.role === 'admin' && ownerCount(org) === 1) return error(403, LAST_OWNER)
  org.members = org.members.filter((m) => m !== member)
  for (const team of org.teams ?? []) team.members = team.members.filter((m) => !same(m.login, login))
  org.outsideCollaborators = [...(org.outsideCollaborators ?? []), { login: member.login, repos: { ...member.repos } }]
  return { status: 204, body: undefined }
}

function changeTeamMembership(
  world: World,
  org: WorldOrg,
  slug: string,
  login: string,
  method: string,
  role: 'member' | 'maintainer',
  serverUrl: string
): Reply {
  const team = (org.teams ?? []).find((t) => same(t.slug, slug))
  if (!team) return error(404, 'Not Found')
  if (method === 'DELETE') {
    team.members = team.members.filter((m) => !same(m.login, login))
    return { status: 204, body: undefined }
  }
  if (!org.members.some((m) => same(m.login, login))) {
    const user = findUser(world, login)
    if (!user) return error(404, 'Not Found')
    let invitation = (org.invitations ?? []).find((i) => i.login && same(i.login, login) && !i.failedAt)
    if (!invitation) invite(world, org, user.login, 'direct_member')
    invitation = org.invitations!.find((i) => i.login && same(i.login, login))!
    invitation.teams = [...(invitation.teams ?? []).filter((t) => !same(t.slug, slug)), { slug: team.slug, role }]
    return { status: 200, body: teamMembership(org.login, team.slug, user.login, role, 'pending', serverUrl) }
  }
  const existing = team.members.find((m) => same(m.login, login))
  if (existing) existing.role = role
  else team.members.push({ login, role })
  return { status: 200, body: teamMembership(org.login, team.slug, login, role, 'active', serverUrl) }
}

function repoCollaborator(org: WorldOrg, repo: string, login: string, method: string, permission: string): Reply {
  const holder = [...org.members, ...(org.outsideCollaborators ?? [])].find((m) => same(m.login, login))
  if (!holder) return validationFailed()
  const repos = { ...(holder.repos ?? {}) }
  for (const name of Object.keys(repos)) if (same(name, repo)) delete repos[name]
  if (method === 'PUT') repos[repo] = permission
  holder.repos = repos
  return { status: 204, body: undefined }
}

/** The invitee accepts (what a person does in the browser): they become a member with the invited role and teams. */
export function acceptInvitation(world: World, orgLogin: string, login: string): void {
  const org = findOrg(world, orgLogin)!
  const invitation = (org.invitations ?? []).find((i) => i.login && same(i.login, login) && !i.failedAt)
  if (!invitation) throw new Error(`no invitation for ${login} in ${orgLogin}`)
  org.invitations = org.invitations!.filter((i) => i !== invitation)
  org.outsideCollaborators = (org.outsideCollaborators ?? []).filter((c) => !same(c.login, login))
  org.members.push({ login: invitation.login!, role: invitation.role === 'admin' ? 'admin' : 'member', public: false })
  for (const t of invitation.teams ?? []) {
    const team = org.teams?.find((x) => same(x.slug, t.slug))
    team?.members.push({ login: invitation.login!, role: t.role })
  }
}
