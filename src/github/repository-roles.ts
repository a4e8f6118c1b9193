/**
 * Who holds which role on a repository now, from its collaborators list
 * (docs.github.com/en/rest/collaborators/collaborators#list-repository-collaborators): for an
 * organization's repository it includes outside collaborators, direct collaborators, team members,
 * members through the base permission, and owners. `role_name` is the highest role "after
 * considering all sources of grants"; `permissions` holds the base role. The list needs write
 * access to the repository, so it may be refused: then nothing is known (null), never "nobody".
 *
 * The list holds every member with access through the base permission, so in a large
 * organization it is many pages. When fewer people are asked about than pages are left after
 * the first, each is asked on their own instead (docs.github.com/en/rest/collaborators/collaborators#get-repository-permissions-for-a-user:
 * `role_name`, the highest role from every source, and `permission`, the legacy level).
 */
import type { GitHubClient } from './client.js'
import type { ReadOnce } from './read-once.js'

/** Role levels, lowest first. A custom role's name is not here: it may grant anything. */
export const ROLE_LEVEL = { read: 0, triage: 1, write: 2, maintain: 3, admin: 4 } as const
type RoleLevel = (typeof ROLE_LEVEL)[keyof typeof ROLE_LEVEL]

const NAMED: Record<string, RoleLevel> = { ...ROLE_LEVEL, pull: 0, push: 2 }

interface Collaborator {
  login: string
  role_name?: string
  permissions?: Partial<Record<'pull' | 'triage' | 'push' | 'maintain' | 'admin', boolean>>
}

/** Lower-case login → the highest level either field grants (a custom role counts as admin). */
export type RepositoryRoles = Map<string, RoleLevel>

function levelOf(c: Collaborator): RoleLevel {
  const named = c.role_name === undefined ? 0 : (NAMED[c.role_name] ?? ROLE_LEVEL.admin)
  const base = (Object.entries(c.permissions ?? {}) as [string, boolean][])
    .filter(([, held]) => held)
    .map(([p]) => NAMED[p] ?? 0)
  return Math.max(named, ...base) as RoleLevel
}

interface FirstPage {
  roles: RepositoryRoles
  /** Pages after the first (0 when the first is the whole list). */
  pagesLeft: number
}

const PER_PAGE = 100

/**
 * The roles of `logins` on the repository (the map may hold others too), at the lower cost of
 * reading the whole list or asking person by person; null when GitHub would not say.
 */
export async function readRolesOf(
  reads: ReadOnce,
  fullName: string,
  logins: string[]
): Promise<RepositoryRoles | null> {
  const { client } = reads
  const key = fullName.toLowerCase()
  const whole = `roles ${key}`
  const listed = reads.known<RepositoryRoles | null>(whole)
  if (listed) return listed
  const first = await reads.read(`roles ${key} page 1`, () => readFirstPage(client, fullName))
  if (!first) return null
  if (first.pagesLeft === 0) return first.roles
  const missing = [...new Set(logins.map((l) => l.toLowerCase()))].filter((l) => !first.roles.has(l))
  if (missing.length >= first.pagesLeft) return reads.read(whole, () => readRest(client, fullName, first))
  const roles = new Map(first.roles)
  for (const login of missing) {
    const level = await reads.read(`roles ${key} ${login}`, () => readPermission(client, fullName, login))
    if (level === null) return null
    roles.set(login, level)
  }
  return roles
}

async function readFirstPage(client: GitHubClient, fullName: string): Promise<FirstPage | null> {
  const [owner = '', repo = ''] = fullName.split('/')
  try {
    const answer = await client.request('GET /repos/{owner}/{repo}/collaborators', { owner, repo, per_page: PER_PAGE })
    const list = answer.data as Collaborator[]
    const last = /[?&]page=(\d+)>; rel="last"/.exec(answer.headers.link ?? '')
    const roles: RepositoryRoles = new Map(list.map((c) => [c.login.toLowerCase(), levelOf(c)]))
    return { roles, pagesLeft: last ? Number(last[1]) - 1 : 0 }
  } catch {
    return null
  }
}

/** The whole list: the first page already read, and the pages after it. */
async function readRest(client: GitHubClient, fullName: string, first: FirstPage): Promise<RepositoryRoles | null> {
  const [owner = '', repo = ''] = fullName.split('/')
  try {
    const rest = (await client.paginate('GET /repos/{owner}/{repo}/collaborators', {
      owner,
      repo,
      per_page: PER_PAGE,
      page: 2
    })) as Collaborator[]
    return new Map([...first.roles, ...rest.map((c): [string, RoleLevel] => [c.login.toLowerCase(), levelOf(c)])])
  } catch {
    return null
  }
}

async function readPermission(client: GitHubClient, fullName: string, login: string): Promise<RoleLevel | null> {
  const [owner = '', repo = ''] = fullName.split('/')
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
      owner,
      repo,
      username: login
    })
    const legacy = { admin: 'admin', write: 'push', read: 'pull', none: 'pull' }[data.permission] ?? 'pull'
    // No access is `none` in both fields: no role, not a custom one.
    const named = data.role_name && data.role_name !== 'none' ? { role_name: data.role_name } : {}
    return levelOf({ login, ...named, permissions: { [legacy]: true } })
  } catch {
    // Any refusal, 404 included, is no answer about the role. The endpoint answers 200 for anyone
    // the repository can be asked about, with `permission: none` for no access; its 404 means the
    // repository or the account is not visible to the token (docs.github.com/en/rest/collaborators/collaborators#get-repository-permissions-for-a-user,
    // and docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#404-not-found-for-an-existing-resource).
    return null
  }
}
