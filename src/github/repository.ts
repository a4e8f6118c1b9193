import type { GitHubClient } from './client.js'

/**
 * Whether a repository is public. Anything the token cannot tell is treated as public: a wrong
 * "private" would name concealed members where anyone can read them.
 */
export async function isPublicRepository(client: GitHubClient, fullName: string): Promise<boolean> {
  const [owner, repo] = fullName.split('/')
  if (!owner || !repo) return true
  try {
    const { data } = await client.request('GET /repos/{owner}/{repo}', { owner, repo })
    return data.private !== true
  } catch {
    return true
  }
}
