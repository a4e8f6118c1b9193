import type { ReadOnce } from './read-once.js'

/** What the run reads of a repository (docs.github.com/en/rest/repos/repos#get-a-repository). */
export interface RepositoryJson {
  private?: boolean
  has_issues?: boolean
  /** The token's account's role there; absent for an installation token. */
  permissions?: { pull?: boolean; triage?: boolean; push?: boolean }
}

/** The repository, read once a run per token; the promise rejects with GitHub's answer when it cannot be read. */
export function readRepository(reads: ReadOnce, fullName: string): Promise<RepositoryJson> {
  const [owner = '', repo = ''] = fullName.split('/')
  return reads.read(`repository ${fullName.toLowerCase()}`, () =>
    reads.client.request('GET /repos/{owner}/{repo}', { owner, repo }).then((r) => r.data as RepositoryJson)
  )
}

/**
 * Whether a repository is public. Anything the token cannot tell is treated as public: a wrong
 * "private" would name concealed members where anyone can read them.
 */
export async function isPublicRepository(reads: ReadOnce, fullName: string): Promise<boolean> {
  const [owner, repo] = fullName.split('/')
  if (!owner || !repo) return true
  try {
    return (await readRepository(reads, fullName)).private !== true
  } catch {
    return true
  }
}
