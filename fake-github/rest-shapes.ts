/**
 * The REST objects the fake serves, with every field GitHub's OpenAPI description requires of
 * them (components/schemas in @octokit/openapi: simple-user, minimal-repository, issue …), so the
 * contract check (openapi-contract.ts) holds the fake to the shapes GitHub sends. Values the
 * world does not model are the ones GitHub gives an account or repository with nothing set
 * (null descriptions, zero counts); ids are stable numbers derived from the name.
 */
import type { World } from './world.js'
import { findUser } from './world.js'

/** API links point at api.github.com, or at GitHub Enterprise Server's `/api/v3`. */
export function apiUrl(serverUrl: string): string {
  return serverUrl === 'https://github.com' ? 'https://api.github.com' : `${serverUrl}/api/v3`
}

/**
 * The account id of whoever holds `login` now: the world's own number (accounts.ts models renames,
 * where the id stays with the account), else a stable one derived from the login.
 */
export function accountId(world: World, login: string): number {
  return findUser(world, login)?.id ?? idOf(login)
}

/** A stable positive id for a name (FNV-1a), so the same account keeps its id across answers. */
export function idOf(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.toLowerCase().charCodeAt(i), 0x01000193) >>> 0
  return (h % 2_000_000_000) + 1
}

/**
 * A name as a path segment. GitHub's logins are letters, digits and hyphens (a bot's ends in
 * `[bot]`, sent as `%5Bbot%5D`); the world's hostile names are encoded so links stay URIs.
 */
const seg = (name: string): string => encodeURIComponent(name)
const path = (fullName: string): string => fullName.split('/').map(seg).join('/')
/** A repository's `owner/name` as path segments. */
export { path as repositoryPath }

/** A stable GraphQL node id (`U_…`, `R_…`) for a name. */
export const nodeId = (prefix: string, text: string): string =>
  `${prefix}_${Buffer.from(text.toLowerCase()).toString('base64url')}`
const CREATED = '2015-01-01T00:00:00Z'

/** `simple-user`; `type` from the world (User, Bot) unless given (Organization). */
export function simpleUser(world: World, login: string, serverUrl: string, type?: string) {
  const api = `${apiUrl(serverUrl)}/users/${seg(login)}`
  const id = accountId(world, login)
  return {
    login,
    id,
    node_id: nodeId('U', login),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${serverUrl}/${seg(login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    // An app's account is a Bot named `<app>[bot]` whether or not the world lists it.
    type: type ?? findUser(world, login)?.type ?? (login.endsWith('[bot]') ? 'Bot' : 'User'),
    user_view_type: 'public',
    site_admin: false
  }
}

/**
 * `public-user`: what `GET /users/{username}` shows anyone (docs.github.com/en/rest/users/users#get-a-user),
 * an account with no profile set. The description allows no property beyond its own.
 */
export function publicUser(world: World, login: string, serverUrl: string, type?: string) {
  return {
    ...simpleUser(world, login, serverUrl, type),
    name: null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: CREATED,
    updated_at: CREATED
  }
}

/** `private-user`: what `GET /user` shows the account itself. */
export function privateUser(world: World, login: string, type: string, serverUrl: string) {
  return {
    ...publicUser(world, login, serverUrl, type),
    user_view_type: 'private',
    private_gists: 0,
    total_private_repos: 0,
    owned_private_repos: 0,
    disk_usage: 0,
    collaborators: 0,
    two_factor_authentication: true
  }
}

/** `collaborator`: a user with their role on one repository. */
export function collaborator(world: World, login: string, serverUrl: string, permission: string) {
  const levels = ['pull', 'triage', 'push', 'maintain', 'admin']
  const rank = levels.indexOf(permission)
  return {
    ...simpleUser(world, login, serverUrl),
    role_name: permission,
    permissions: Object.fromEntries(levels.map((l, i) => [l, i <= rank]))
  }
}

/** `organization-simple`. */
function organizationSimple(login: string, serverUrl: string) {
  const api = `${apiUrl(serverUrl)}/orgs/${seg(login)}`
  return {
    login,
    id: idOf(login),
    node_id: nodeId('O', login),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${idOf(login)}?v=4`,
    description: null
  }
}

/** `org-membership`: someone's membership of an organization. */
export function orgMembership(
  world: World,
  org: string,
  login: string,
  state: 'active' | 'pending',
  role: string,
  serverUrl: string
) {
  return {
    url: `${apiUrl(serverUrl)}/orgs/${seg(org)}/memberships/${seg(login)}`,
    state,
    role,
    organization_url: `${apiUrl(serverUrl)}/orgs/${seg(org)}`,
    organization: organizationSimple(org, serverUrl),
    user: simpleUser(world, login, serverUrl)
  }
}

/** `team` as lists show it; `team-full` (`full`) as `GET /orgs/{org}/teams/{team_slug}` does. */
export function team(org: string, slug: string, serverUrl: string, full?: { members: number }) {
  const api = `${apiUrl(serverUrl)}/organizations/${idOf(org)}/team/${idOf(`${org}/${slug}`)}`
  const base = {
    id: idOf(`${org}/${slug}`),
    node_id: nodeId('T', `${org}/${slug}`),
    url: api,
    html_url: `${serverUrl}/orgs/${seg(org)}/teams/${seg(slug)}`,
    name: slug,
    slug,
    description: null,
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    members_url: `${api}/members{/member}`,
    repositories_url: `${api}/repos`,
    type: 'organization',
    parent: null
  }
  if (!full) return base
  const { parent: _parent, ...rest } = base
  return {
    ...rest,
    members_count: full.members,
    repos_count: 0,
    created_at: CREATED,
    updated_at: CREATED,
    organization: {
      ...organizationSimple(org, serverUrl),
      html_url: `${serverUrl}/${seg(org)}`,
      has_organization_projects: true,
      has_repository_projects: true,
      public_repos: 0,
      public_gists: 0,
      followers: 0,
      following: 0,
      type: 'Organization',
      created_at: CREATED,
      updated_at: CREATED,
      archived_at: null
    }
  }
}

/** `team-membership`. */
export function teamMembership(
  org: string,
  slug: string,
  login: string,
  role: string,
  state: 'active' | 'pending',
  serverUrl: string
) {
  const teamApi = `${apiUrl(serverUrl)}/organizations/${idOf(org)}/team/${idOf(`${org}/${slug}`)}`
  return { url: `${teamApi}/memberships/${seg(login)}`, role, state }
}

/** The `*_url` links every repository object carries (`minimal-repository`). */
function repositoryLinks(fullName: string, serverUrl: string) {
  const api = `${apiUrl(serverUrl)}/repos/${path(fullName)}`
  const links: Record<string, string> = { url: api, html_url: `${serverUrl}/${path(fullName)}` }
  const plain = ['contributors', 'deployments', 'downloads', 'events', 'forks', 'hooks', 'languages', 'merges']
  const more = ['stargazers', 'subscribers', 'subscription', 'tags', 'teams']
  for (const name of [...plain, ...more]) links[`${name}_url`] = `${api}/${name}`
  const templated: Record<string, string> = {
    archive: '{archive_format}{/ref}',
    assignees: '{/user}',
    blobs: '{/sha}',
    branches: '{/branch}',
    collaborators: '{/collaborator}',
    comments: '{/number}',
    commits: '{/sha}',
    compare: '{base}...{head}',
    contents: '{+path}',
    git_commits: '{/sha}',
    git_refs: '{/sha}',
    git_tags: '{/sha}',
    issue_comment: '{/number}',
    issue_events: '{/number}',
    issues: '{/number}',
    keys: '{/key_id}',
    labels: '{/name}',
    milestones: '{/number}',
    notifications: '{?since,all,participating}',
    pulls: '{/number}',
    releases: '{/id}',
    statuses: '{sha}',
    trees: '{/sha}'
  }
  for (const [name, tail] of Object.entries(templated)) {
    const path = name.startsWith('git_') ? `git/${name.slice(4)}` : name
    links[`${name}_url`] =
      `${api}/${path === 'issue_comment' ? 'issues/comments' : path === 'issue_events' ? 'issues/events' : path}${tail}`
  }
  return links
}

export interface RepositoryFacts {
  fullName: string
  private: boolean
  pushedAt: string
  openIssues: number
  hasIssues: boolean
}

/** `minimal-repository`, as the organization's repository list shows each. */
export function minimalRepository(world: World, r: RepositoryFacts, serverUrl: string) {
  const [owner, name] = r.fullName.split('/') as [string, string]
  return {
    id: idOf(r.fullName),
    node_id: nodeId('R', r.fullName),
    name,
    full_name: r.fullName,
    owner: simpleUser(world, owner, serverUrl, 'Organization'),
    private: r.private,
    visibility: r.private ? 'private' : 'public',
    description: null,
    fork: false,
    ...repositoryLinks(r.fullName, serverUrl),
    git_url: `git:${serverUrl.replace(/^https?:/, '')}/${r.fullName}.git`,
    ssh_url: `git@${new URL(serverUrl).host}:${r.fullName}.git`,
    clone_url: `${serverUrl}/${r.fullName}.git`,
    svn_url: `${serverUrl}/${path(r.fullName)}`,
    mirror_url: null,
    homepage: null,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: 'main',
    open_issues_count: r.openIssues,
    open_issues: r.openIssues,
    has_issues: r.hasIssues,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    pushed_at: r.pushedAt,
    created_at: CREATED,
    updated_at: r.pushedAt,
    license: null
  }
}

/** `full-repository`, as `GET /repos/{owner}/{repo}` shows it. */
export function fullRepository(world: World, r: RepositoryFacts, serverUrl: string) {
  return { ...minimalRepository(world, r, serverUrl), network_count: 0, subscribers_count: 0 }
}

/** `label`. */
export function label(fullName: string, name: string, serverUrl: string) {
  return {
    id: idOf(`${fullName}:${name}`),
    node_id: nodeId('LA', `${fullName}:${name}`),
    url: `${apiUrl(serverUrl)}/repos/${path(fullName)}/labels/${seg(name)}`,
    name,
    description: null,
    color: 'ededed',
    default: false
  }
}

export interface IssueFacts {
  repo: string
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  labels: string[]
  author: string
  comments: number
  createdAt: string
  updatedAt: string
}

/** `issue`. */
export function issue(world: World, i: IssueFacts, serverUrl: string) {
  const api = `${apiUrl(serverUrl)}/repos/${path(i.repo)}/issues/${i.number}`
  return {
    id: idOf(`${i.repo}#${i.number}`),
    node_id: nodeId('I', `${i.repo}#${i.number}`),
    url: api,
    repository_url: `${apiUrl(serverUrl)}/repos/${path(i.repo)}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${serverUrl}/${path(i.repo)}/issues/${i.number}`,
    number: i.number,
    state: i.state,
    state_reason: i.state === 'closed' ? 'completed' : null,
    title: i.title,
    body: i.body,
    user: simpleUser(world, i.author, serverUrl),
    labels: i.labels.map((name) => label(i.repo, name, serverUrl)),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: i.comments,
    closed_at: i.state === 'closed' ? i.updatedAt : null,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
    author_association: 'MEMBER'
  }
}

/** `issue-comment`. */
export function issueComment(
  world: World,
  c: { repo: string; issue: number; id: number; body: string; author: string; createdAt: string; updatedAt: string },
  serverUrl: string
) {
  return {
    id: c.id,
    node_id: nodeId('IC', `${c.repo}:${c.id}`),
    url: `${apiUrl(serverUrl)}/repos/${path(c.repo)}/issues/comments/${c.id}`,
    html_url: `${serverUrl}/${path(c.repo)}/issues/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${apiUrl(serverUrl)}/repos/${path(c.repo)}/issues/${c.issue}`,
    body: c.body,
    user: simpleUser(world, c.author, serverUrl),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: 'MEMBER'
  }
}

/** `actor`, as an event names who acted. */
export function actor(login: string, serverUrl: string) {
  return {
    id: idOf(login),
    login,
    display_login: login,
    gravatar_id: '',
    url: `${apiUrl(serverUrl)}/users/${seg(login)}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${idOf(login)}?`
  }
}
