/**
 * Who holds which role on a repository now, from its collaborators list
 * (docs.github.com/en/rest/collaborators/collaborators#list-repository-collaborators): for an
 * organization's repository it includes outside collaborators, direct collaborators, team members,
 * members through the base permission, and owners. `role_name` is the highest role "after
 * considering all sources of grants"; `permissions` holds the base role. The list needs write
 * access to the repository, so it may be refused: then nothing is known (null), never "nobody".
 */
import type { GitHubClient } from './client.js'

/** Role levels, lowest first. A custom role's name is not here: it may grant anything. */
export const ROLE_LEVEL = { read: 0, triage: 1, write: 2, maintain: 3, admin: 4 } as const
export type RoleLevel = (typeof ROLE_LEVEL)[keyof typeof ROLE_LEVEL]

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

const read = new WeakMap<GitHubClient, Map<string, Promise<RepositoryRoles | null>>>()

/** The repository's roles, read once per client and run; null when GitHub would not list them. */
export function readRepositoryRoles(client: GitHubClient, fullName: string): Promise<RepositoryRoles | null> {
  const known = read.get(client) ?? new Map<string, Promise<RepositoryRoles | null>>()
  read.set(client, known)
  const key = fullName.toLowerCase()
  if (!known.has(key)) {
    const [owner = '', repo = ''] = fullName.split('/')
    const roles = (
      client.paginate('GET /repos/{owner}/{repo}/collaborators', { owner, repo, per_page: 100 }) as Promise<
        Collaborator[]
      >
    ).then(
      (list) => new Map(list.map((c) => [c.login.toLowerCase(), levelOf(c)])),
      () => null
    )
    known.set(key, roles)
  }
  return known.get(key)!
}
