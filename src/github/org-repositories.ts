import type { ReadOnce } from './read-once.js'

export interface OrgRepository {
  name: string
  full_name: string
  private: boolean
  pushed_at: string | null
  /** Open issues and pull requests together (docs.github.com/en/rest/repos/repos#list-organization-repositories). */
  open_issues_count?: number
}

/** The organization's repositories, listed once a run (docs.github.com/en/rest/repos/repos#list-organization-repositories). */
export function listOrgRepositories(reads: ReadOnce, org: string): Promise<OrgRepository[]> {
  return reads.read(
    `repos ${org.toLowerCase()}`,
    async () => {
      const repos = (await reads.client.paginate('GET /orgs/{org}/repos', {
        org,
        type: 'all',
        per_page: 100
      })) as OrgRepository[]
      reads.sawPrivate(repos.filter((r) => r.private).map((r) => r.full_name))
      return repos
    },
    // A failed listing is forgotten, so that asking again (the cascade's second round) reads it anew.
    { forgetFailure: true }
  )
}
