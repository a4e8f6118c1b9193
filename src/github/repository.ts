import type { GitHubClient } from './client.js'

/** What the run reads of a repository (docs.github.com/en/rest/repos/repos#get-a-repository). */
export interface RepositoryJson {
  private?: boolean
  has_issues?: boolean
  /** The token's account's role there; absent for an installation token. */
  permissions?: { pull?: boolean; triage?: boolean; push?: boolean }
}

/** One answer per client and repository per run: the preflight, the summary and the tracking issue all ask. */
const answers = new WeakMap<GitHubClient, Map<string, Promise<RepositoryJson>>>()

/** The repository, read once per client; the promise rejects with GitHub's answer when it cannot be read. */
export function readRepository(client: GitHubClient, fullName: string): Promise<RepositoryJson> {
  const known = answers.get(client) ?? new Map<string, Promise<RepositoryJson>>()
  answers.set(client, known)
  const key = fullName.toLowerCase()
  if (!known.has(key)) {
    const [owner = '', repo = ''] = fullName.split('/')
    const read = client.request('GET /repos/{owner}/{repo}', { owner, repo }).then((r) => r.data as RepositoryJson)
    read.catch(() => {}) // a refusal is the caller's to handle, when it asks
    known.set(key, read)
  }
  return known.get(key)!
}

/**
 * Whether a repository is public. Anything the token cannot tell is treated as public: a wrong
 * "private" would name concealed members where anyone can read them.
 */
export async function isPublicRepository(client: GitHubClient, fullName: string): Promise<boolean> {
  const [owner, repo] = fullName.split('/')
  if (!owner || !repo) return true
  try {
    return (await readRepository(client, fullName)).private !== true
  } catch {
    return true
  }
}
