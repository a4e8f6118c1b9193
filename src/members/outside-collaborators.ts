/**
 * Outside collaborators (include.outside-collaborators): who they are, and which repositories of
 * the organization they hold with which permission. The organization's list names them
 * (docs.github.com/en/rest/orgs/outside-collaborators); their repositories come from each
 * repository's collaborators with `affiliation=outside` — one request per repository, which is
 * why this check is off by default.
 */
import type { ReadOnce } from '../github/read-once.js'
import { listOrgRepositories } from '../github/org-repositories.js'
import { explain } from '../github/explain.js'
import { describe, isHttpError } from '../github/failures.js'
import { loginKey } from '../roster/roster.js'
import type { OutsideAccess } from './people.js'

interface CollaboratorJson {
  login: string
  role_name?: string
  permissions?: Record<string, boolean>
}

const LEVELS = ['admin', 'maintain', 'push', 'triage', 'pull']

export interface OutsideCollaborators {
  /** Lower-case login → the org's repositories they hold (empty when none could be seen). */
  found: Map<string, { login: string; access: OutsideAccess }>
  /** Repositories whose collaborators GitHub would not list, with its answer. */
  unread: { repo: string; reason: string }[]
}

export async function readOutsideCollaborators(reads: ReadOnce, org: string): Promise<OutsideCollaborators> {
  const { client } = reads
  let logins: { login: string }[]
  try {
    logins = (await client.paginate('GET /orgs/{org}/outside_collaborators', { org, per_page: 100 })) as {
      login: string
    }[]
  } catch (error) {
    throw explain(error, { kind: 'organization', org })
  }
  const found = new Map(
    logins.map((u) => [loginKey(u.login), { login: u.login, access: { org, repos: [] as OutsideAccess['repos'] } }])
  )
  const unread: OutsideCollaborators['unread'] = []
  if (found.size === 0) return { found, unread }
  for (const repo of await listOrgRepositories(reads, org)) {
    let collaborators: CollaboratorJson[]
    try {
      collaborators = (await client.paginate('GET /repos/{owner}/{repo}/collaborators', {
        owner: org,
        repo: repo.name,
        affiliation: 'outside',
        per_page: 100
      })) as CollaboratorJson[]
    } catch (error) {
      // One repository GitHub will not answer for (403 without admin there, 404 for one the token
      // cannot see) leaves that repository unread, said as such, and the rest of the check standing.
      if (isHttpError(error) && error.status === 401) throw explain(error, { kind: 'organization', org })
      unread.push({ repo: repo.full_name, reason: `GitHub refused it (${describe(error)})` })
      continue
    }
    for (const c of collaborators) {
      const entry = found.get(loginKey(c.login))
      if (!entry) continue
      const permission = c.role_name ?? LEVELS.find((l) => c.permissions?.[l]) ?? 'pull'
      entry.access.repos.push({ repo: repo.full_name, permission })
    }
  }
  return { found, unread }
}
