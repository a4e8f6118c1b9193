import type { GitHubClient } from './client.js'

export interface OrgRepository {
  name: string
  full_name: string
  private: boolean
  pushed_at: string | null
  /** Open issues and pull requests together (docs.github.com/en/rest/repos/repos#list-organization-repositories). */
  open_issues_count?: number
}

/** One listing per client and organization per run: the sweep and the outside-collaborator check both need it. */
const listings = new WeakMap<GitHubClient, Map<string, Promise<OrgRepository[]>>>()

/** Private repositories among the listings read so far with this client (names a public text must not show). */
const privateSeen = new WeakMap<GitHubClient, Set<string>>()

export function knownPrivateRepositories(client: GitHubClient): string[] {
  return [...(privateSeen.get(client) ?? [])]
}

/** The organization's repositories (docs.github.com/en/rest/repos/repos#list-organization-repositories). */
export function listOrgRepositories(client: GitHubClient, org: string): Promise<OrgRepository[]> {
  const known = listings.get(client) ?? new Map<string, Promise<OrgRepository[]>>()
  listings.set(client, known)
  const key = org.toLowerCase()
  if (!known.has(key)) {
    const listing = client.paginate('GET /orgs/{org}/repos', { org, type: 'all', per_page: 100 }) as Promise<
      OrgRepository[]
    >
    // A failed listing is forgotten, so that asking again (the cascade's second round) reads it anew.
    listing.then(
      (repos) => {
        const seen = privateSeen.get(client) ?? new Set<string>()
        for (const r of repos) if (r.private) seen.add(r.full_name)
        privateSeen.set(client, seen)
      },
      () => known.delete(key)
    )
    known.set(key, listing)
  }
  return known.get(key)!
}
